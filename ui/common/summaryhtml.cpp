#include "common/summaryhtml.h"

namespace cmkui {

void SummaryHtml::close() {
    if (m_open != Open::Nothing)
        m_html += QStringLiteral("</table>");
    m_open = Open::Nothing;
}

void SummaryHtml::heading(const QString &text) {
    close();
    m_html += QStringLiteral("<h3>%1</h3>").arg(text.toHtmlEscaped());
}

void SummaryHtml::row(const QString &label, const QString &value) {
    if (m_open != Open::Rows) {
        close();
        m_html += QStringLiteral("<table>");
        m_open = Open::Rows;
    }
    m_html +=
        QStringLiteral(
            "<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

void SummaryHtml::paragraph(const QString &text) {
    close();
    m_html += QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}

void SummaryHtml::note(const QString &text) {
    close();
    m_html += QStringLiteral("<p><i>%1</i></p>").arg(text.toHtmlEscaped());
}

void SummaryHtml::grid(const QStringList &headers) {
    close();
    m_html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
    for (const QString &header : headers)
        m_html += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
    m_html += QStringLiteral("</tr>");
    m_open = Open::Grid;
}

void SummaryHtml::gridRow(const QStringList &cells, const QList<int> &rightAligned) {
    m_html += QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i) {
        const QString cell = rightAligned.contains(i) ? QStringLiteral("<td align=\"right\">%1</td>")
                                                      : QStringLiteral("<td>%1</td>");
        m_html += cell.arg(cells.at(i).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>")));
    }
    m_html += QStringLiteral("</tr>");
}

QString SummaryHtml::html() const {
    return m_open == Open::Nothing ? m_html : m_html + QStringLiteral("</table>");
}

} // namespace cmkui
