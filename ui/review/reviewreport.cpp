#include "review/reviewreport.h"

#include "common/pagedreport.h"

#include <QSaveFile>

namespace cmkui {

bool saveReportFile(const QByteArray &data, const QString &path, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool saveReviewHtml(const cmk::VersionReview &review, const QString &path, QString *error) {
    return saveReportFile(cmk::ReviewReport::html(review).toUtf8(), path, error);
}

bool saveReviewPdf(const cmk::VersionReview &review, const QString &path, QString *error) {
    // The region × disk matrix is wide: landscape keeps its columns readable.
    return printHtmlToPdf(cmk::ReviewReport::html(review), path,
                          cmk::ReviewReport::tr("Review of image version %1").arg(review.versionName),
                          QPageLayout::Landscape, error);
}

} // namespace cmkui
