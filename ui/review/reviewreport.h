#pragma once

// Printable review reports: HTML (the same QTextDocument-friendly HTML ReviewReport::html() makes) and PDF
// through QTextDocument + QPdfWriter. In ui/ because PDF needs QtGui.

#include "review/review.h"

namespace cmkui {

bool saveReviewHtml(const cmk::VersionReview &review, const QString &path, QString *error);
bool saveReviewPdf(const cmk::VersionReview &review, const QString &path, QString *error);

} // namespace cmkui
