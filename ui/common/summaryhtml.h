#pragma once

// The readable summary of a "Review + create" page, for both wizards: headed sections of label/value rows,
// paragraphs, and bordered grids (a row per region or disk). Every text is escaped here, so names with
// '<' or '&' come out as text.

#include <QList>
#include <QString>
#include <QStringList>

namespace cmkui {

class SummaryHtml {
public:
    /// A section title (<h3>).
    void heading(const QString &text);
    /// A label/value row; consecutive rows share a table.
    void row(const QString &label, const QString &value);
    void paragraph(const QString &text);
    /// A paragraph in italics: a note on what the section implies.
    void note(const QString &text);
    /// Starts a bordered grid with these column titles; gridRow() adds its rows.
    void grid(const QStringList &headers);
    /// A row of the current grid; the columns in `rightAligned` (numbers) are aligned right. A cell's line
    /// breaks are kept.
    void gridRow(const QStringList &cells, const QList<int> &rightAligned = {});
    QString html() const;

private:
    enum class Open { Nothing, Rows, Grid };
    void close();

    QString m_html;
    Open m_open = Open::Nothing;
};

} // namespace cmkui
