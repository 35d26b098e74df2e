#pragma once

// Printable review reports: HTML (the same QTextDocument-friendly HTML ReviewReport::html() makes) and PDF
// through QTextDocument + QPdfWriter. In ui/ because PDF needs QtGui. The fleet audit's reports (Fleet tab)
// are written with saveReportFile() and common/pagedreport.h too.

#include "review/review.h"

namespace cmkui {

bool saveReviewHtml(const cmk::VersionReview &review, const QString &path, QString *error);
bool saveReviewPdf(const cmk::VersionReview &review, const QString &path, QString *error);
/// Writes `data` to `path` at once (QSaveFile); false with the reason on failure.
bool saveReportFile(const QByteArray &data, const QString &path, QString *error);

} // namespace cmkui
