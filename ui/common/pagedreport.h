#pragma once

// Rich-text reports printed to PDF the way a reader expects: pages are cut between table rows and between
// lines of text, never through one (a row taller than a page excepted); a page that continues a table with a
// header row (<thead>) starts with that header again; each page is numbered. QTextDocument's own pagination
// moves a text line that does not fit, so a row of several lines ends up cut across two pages.

#include <QList>
#include <QPageLayout>
#include <QSizeF>
#include <QString>

class QTextDocument;

namespace cmkui {

/// One page of a report: the stretch [start, end) of the document (in its pixels), under the repeated header
/// [headerTop, headerBottom) when the page continues a table (both 0 when not).
struct ReportPage {
    qreal start = 0;
    qreal end = 0;
    qreal headerTop = 0;
    qreal headerBottom = 0;
};

/// Lays `document` out `pageSize.width()` wide and cuts it into pages of at most `pageSize.height()`.
QList<ReportPage> paginateReport(QTextDocument *document, const QSizeF &pageSize);

/// Where each row of each table of a paginated `document` is drawn: the page its top and its bottom fall on.
struct TableRowPages {
    int table = 0;
    int row = 0;
    int firstPage = 0;
    int lastPage = 0;
};
QList<TableRowPages> tableRowPages(QTextDocument *document, const QList<ReportPage> &pages);

/// Prints `html` to a PDF file at `path` (A4, `orientation`), paginated as above. `title` goes in the PDF's
/// metadata. False with the reason in `error` when the file could not be written.
bool printHtmlToPdf(const QString &html, const QString &path, const QString &title,
                    QPageLayout::Orientation orientation, QString *error);

} // namespace cmkui
