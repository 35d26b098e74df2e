#include "common/deshealthview.h"
#include "common/diskencryptionsetmodel.h"

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

namespace {

// Indexed by DesFixAction (None, GrantKeyAccess, EnablePurgeProtection): object name, button text.
const char *const fixButtons[][2] = {
    {"", ""},
    {"grantKeyAccessButton", QT_TRANSLATE_NOOP("DesHealthView", "Grant key access")},
    {"enablePurgeProtectionButton", QT_TRANSLATE_NOOP("DesHealthView", "Enable purge protection…")},
};

} // namespace

QString DesHealthView::fixButtonText(DesFixAction action) {
    const char *text = fixButtons[int(action)][1];
    return *text ? tr(text) : QString();
}

QString DesHealthView::fixButtonName(DesFixAction action) {
    return QString::fromLatin1(fixButtons[int(action)][0]);
}

void DesHealthItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    const QString key = index.data(DiskEncryptionSetModel::HealthStatusRole).toString();
    if (key.isEmpty())
        return;
    option->icon = DesHealthView::icon(key);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(16, 16);
}

} // namespace cmkui
