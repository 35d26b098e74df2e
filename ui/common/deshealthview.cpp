#include "common/deshealthview.h"

#include <QApplication>
#include <QStyle>

using namespace cmk;

namespace cmkui {

QString DesHealthView::statusKey(const DesHealth *health, bool checking) {
    if (checking)
        return QStringLiteral("checking");
    return health ? statusName(health->status) : QString();
}

QIcon DesHealthView::icon(const QString &statusKey) {
    QStyle *style = QApplication::style();
    if (statusKey == QLatin1String("ok"))
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    if (statusKey == QLatin1String("warning"))
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    if (statusKey == QLatin1String("error"))
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    if (statusKey == QLatin1String("unknown"))
        return style->standardIcon(QStyle::SP_MessageBoxQuestion);
    if (statusKey == QLatin1String("checking"))
        return style->standardIcon(QStyle::SP_BrowserReload);
    return {};
}

QString DesHealthView::tooltip(const DesHealth &health) {
    //: Tooltip heading: %1 a disk encryption set, %2 its key's status (OK, warning, error, cannot verify)
    QString html =
        QStringLiteral("<p><b>%1</b></p>")
            .arg(tr("Key of %1: %2").arg(health.name, translatedStatus(health.status)).toHtmlEscaped());
    if (health.findings.empty())
        return html + QStringLiteral("<p>%1</p>").arg(tr("No problem found.").toHtmlEscaped());
    html += QStringLiteral("<ul>");
    for (const DesFinding &finding : health.findings) {
        html += QStringLiteral("<li>%1").arg(finding.line().toHtmlEscaped());
        if (!finding.azureCli.isEmpty())
            html += QStringLiteral("<br/>%1 <tt>%2</tt>")
                        .arg(tr("Fix:").toHtmlEscaped(), finding.azureCli.toHtmlEscaped());
        html += QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ul>");
}

QString DesHealthView::statusText(const DesHealth *health, bool checking) {
    if (checking)
        return tr("checking…");
    return health ? translatedStatus(health->status) : tr("not checked");
}

QString DesHealthView::fixButtonText(DesFixAction action) {
    switch (action) {
    case DesFixAction::GrantKeyAccess:
        return tr("Grant key access");
    case DesFixAction::EnablePurgeProtection:
        return tr("Enable purge protection…");
    case DesFixAction::None:
        break;
    }
    return {};
}

QString DesHealthView::fixButtonName(DesFixAction action) {
    switch (action) {
    case DesFixAction::GrantKeyAccess:
        return QStringLiteral("grantKeyAccessButton");
    case DesFixAction::EnablePurgeProtection:
        return QStringLiteral("enablePurgeProtectionButton");
    case DesFixAction::None:
        break;
    }
    return {};
}

} // namespace cmkui
