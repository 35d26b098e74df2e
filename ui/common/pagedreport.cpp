#include "common/pagedreport.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <limits>

namespace cmkui {

namespace {

class PagedReport {
    Q_DECLARE_TR_FUNCTIONS(PagedReport)
};

/// A stretch of the document that must stay on one page: a table row, a line of text.
struct KeepTogether {
    qreal top = 0;
    qreal bottom = 0;
};

/// Cell padding and border around a row's text (the reports use cellpadding 4, border 1).
constexpr qreal kRowFrame = 5;
/// Room at the bottom of each printed page for its number, in document pixels.
constexpr qreal kFooterHeight = 28;

QList<QTextTable *> reportTables(QTextDocument *document) {
    QList<QTextTable *> tables;
    for (QTextFrame *child : document->rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(child))
            tables << table;
    }
    return tables;
}

/// The vertical extent of row `row` (its text, with the cells' padding and border), in document coordinates.
KeepTogether rowBand(QTextDocument *document, QTextTable *table, int row) {
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    KeepTogether band{std::numeric_limits<qreal>::max(), std::numeric_limits<qreal>::lowest()};
    for (int column = 0; column < table->columns(); ++column) {
        const QTextTableCell cell = table->cellAt(row, column);
        if (cell.row() != row || cell.column() != column)
            continue; // spanned from another cell
        for (QTextBlock block = cell.firstCursorPosition().block();
             block.isValid() && block.position() <= cell.lastCursorPosition().position();
             block = block.next()) {
            const QRectF rect = layout->blockBoundingRect(block);
            band.top = std::min(band.top, rect.top() - kRowFrame);
            band.bottom = std::max(band.bottom, rect.bottom() + kRowFrame);
        }
    }
    return band;
}

/// The table header (its <thead> rows) of a table that `y` falls in below that header, or an empty band.
KeepTogether repeatedHeaderAt(QTextDocument *document, qreal y) {
    for (QTextTable *table : reportTables(document)) {
        const int headerRows = table->format().headerRowCount();
        if (headerRows <= 0)
            continue;
        const QRectF frame = document->documentLayout()->frameBoundingRect(table);
        const KeepTogether header{rowBand(document, table, 0).top,
                                  rowBand(document, table, headerRows - 1).bottom};
        if (y >= header.bottom && y < frame.bottom() && y > frame.top())
            return header;
    }
    return {};
}

QList<KeepTogether> keepTogetherBands(QTextDocument *document) {
    QList<KeepTogether> bands;
    for (QTextTable *table : reportTables(document)) {
        for (int row = 0; row < table->rows(); ++row)
            bands << rowBand(document, table, row);
    }
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (QTextCursor(block).currentTable())
            continue;
        const QRectF rect = document->documentLayout()->blockBoundingRect(block);
        const QTextLayout *layout = block.layout();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            bands << KeepTogether{rect.top() + line.y(), rect.top() + line.y() + line.height()};
        }
    }
    return bands;
}

/// The end of the page that starts at `start` with `capacity` pixels: before the first stretch it would cut.
qreal pageEnd(const QList<KeepTogether> &bands, qreal start, qreal capacity) {
    qreal end = start + capacity;
    for (bool moved = true; moved;) {
        moved = false;
        for (const KeepTogether &band : bands) {
            const bool cut = band.top < end && band.bottom > end;
            if (cut && band.top > start && band.bottom - band.top <= capacity) {
                end = band.top;
                moved = true;
            }
        }
    }
    return end;
}

int pageAt(const QList<ReportPage> &pages, qreal y) {
    for (int i = 0; i < pages.size(); ++i) {
        if (y < pages.at(i).end)
            return i;
    }
    return int(pages.size()) - 1;
}

void drawPage(QPainter *painter, QTextDocument *document, const ReportPage &page, qreal width) {
    qreal y = 0;
    if (page.headerBottom > page.headerTop) {
        painter->save();
        painter->translate(0, -page.headerTop);
        document->drawContents(painter, QRectF(0, page.headerTop, width, page.headerBottom - page.headerTop));
        painter->restore();
        y = page.headerBottom - page.headerTop;
    }
    painter->save();
    painter->translate(0, y - page.start);
    document->drawContents(painter, QRectF(0, page.start, width, page.end - page.start));
    painter->restore();
}

} // namespace

QList<ReportPage> paginateReport(QTextDocument *document, const QSizeF &pageSize) {
    document->setTextWidth(pageSize.width());
    const QList<KeepTogether> bands = keepTogetherBands(document);
    const qreal total = document->size().height();
    QList<ReportPage> pages;
    for (qreal start = 0; start < total;) {
        const KeepTogether header = repeatedHeaderAt(document, start);
        const qreal capacity = pageSize.height() - (header.bottom - header.top);
        const qreal end = std::min(total, pageEnd(bands, start, capacity));
        pages.append({start, end, header.top, header.bottom});
        start = end;
    }
    return pages;
}

QList<TableRowPages> tableRowPages(QTextDocument *document, const QList<ReportPage> &pages) {
    QList<TableRowPages> rows;
    const QList<QTextTable *> tables = reportTables(document);
    for (int t = 0; t < tables.size(); ++t) {
        for (int row = 0; row < tables.at(t)->rows(); ++row) {
            const KeepTogether band = rowBand(document, tables.at(t), row);
            rows.append({t, row, pageAt(pages, band.top), pageAt(pages, band.bottom - 0.5)});
        }
    }
    return rows;
}

bool printHtmlToPdf(const QString &html, const QString &path, const QString &title,
                    QPageLayout::Orientation orientation, QString *error) {
    {
        QPdfWriter writer(path);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("cmkwizard"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(12, 12, 12, 12),
                                         QPageLayout::Millimeter));
        QTextDocument document;
        document.setHtml(html);
        // The printable area in the document's pixels (96 per inch), less the footer.
        const QSizeF page = writer.pageLayout().paintRect(QPageLayout::Point).size() * (96.0 / 72.0);
        const QList<ReportPage> pages =
            paginateReport(&document, QSizeF(page.width(), page.height() - kFooterHeight));

        QPainter painter(&writer);
        const qreal scale = writer.width() / page.width();
        painter.scale(scale, scale);
        // In document pixels, as the document's own text is (a point size would count the writer's resolution).
        QFont footerFont = document.defaultFont();
        footerFont.setPixelSize(11);
        painter.setFont(footerFont);
        for (int i = 0; i < pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            drawPage(&painter, &document, pages.at(i), page.width());
            painter.drawText(QRectF(0, page.height() - kFooterHeight, page.width(), kFooterHeight),
                             Qt::AlignCenter | Qt::AlignBottom,
                             PagedReport::tr("Page %1 of %2").arg(i + 1).arg(pages.size()));
        }
    }
    if (QFileInfo(path).size() == 0) {
        if (error)
            *error = PagedReport::tr("The PDF file could not be written.");
        return false;
    }
    return true;
}

} // namespace cmkui
