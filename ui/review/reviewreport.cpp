#include "review/reviewreport.h"

#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace cmkui {

bool saveReviewHtml(const cmk::VersionReview &review, const QString &path, QString *error) {
    QSaveFile file(path);
    const QByteArray data = cmk::ReviewReport::html(review).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool saveReviewPdf(const cmk::VersionReview &review, const QString &path, QString *error) {
    {
        QPdfWriter writer(path);
        writer.setTitle(cmk::ReviewReport::tr("Review of image version %1").arg(review.versionName));
        writer.setCreator(QStringLiteral("cmkwizard"));
        // The region × disk matrix is wide: landscape keeps its columns readable.
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        QTextDocument document;
        document.setHtml(cmk::ReviewReport::html(review));
        document.print(&writer);
    }
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0) {
        if (error)
            *error = cmk::ReviewReport::tr("The PDF file could not be written.");
        return false;
    }
    return true;
}

} // namespace cmkui
