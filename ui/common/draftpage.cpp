#include "common/draftpage.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cmkui {

QLabel *addLabelledRow(QFormLayout *form, QWidget *field) {
    auto *label = new QLabel(field->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

void colorAsError(QLabel *label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xa4, 0x00, 0x0f));
    label->setPalette(palette);
}

DraftPage::DraftPage(const WizardServices &services, QWidget *parent)
    : QWizardPage(parent)
    , m_services(services) {
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    colorAsError(m_errorLabel);
    m_errorLabel->setVisible(false);

    m_busy.row = new QWidget(this);
    m_busy.row->setObjectName(QStringLiteral("busyRow"));
    auto *busyLayout = new QHBoxLayout(m_busy.row);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_busy.bar = new QProgressBar(m_busy.row);
    m_busy.bar->setObjectName(QStringLiteral("busyIndicator"));
    m_busy.bar->setRange(0, 0);
    m_busy.bar->setMaximumWidth(120);
    m_busy.bar->setTextVisible(false);
    m_busy.text = new QLabel(m_busy.row);
    m_busy.text->setObjectName(QStringLiteral("busyLabel"));
    m_busy.text->setWordWrap(true);
    m_busy.cancel = new QPushButton(m_busy.row);
    m_busy.cancel->setObjectName(QStringLiteral("cancelLoadingButton"));
    connect(m_busy.cancel, &QPushButton::clicked, this, [this] { cancelLoading(); });
    busyLayout->addWidget(m_busy.bar);
    busyLayout->addWidget(m_busy.text, 1);
    busyLayout->addWidget(m_busy.cancel);
    m_busy.row->setVisible(false);
}

void DraftPage::addStatusWidgets(QVBoxLayout *layout) {
    layout->addWidget(m_busy.row);
    layout->addWidget(m_errorLabel);
}

bool DraftPage::isComplete() const {
    return m_errors.isEmpty();
}

void DraftPage::revalidate() {
    const QStringList fieldErrors = computeFieldErrors();
    showFieldErrors(fieldErrors);
    const QStringList errors = computeErrors();
    if (fieldErrors + errors == m_errors && m_errorLabel->isVisible() == !errors.isEmpty())
        return;
    m_errors = fieldErrors + errors;
    QStringList lines;
    // Only the first few: the list is there to say why Next is disabled, not to overwhelm.
    constexpr int shown = 4;
    for (int i = 0; i < errors.size() && i < shown; ++i)
        lines << QStringLiteral("• ") + errors.at(i);
    if (errors.size() > shown)
        lines << tr("…and %n more problem(s).", nullptr, int(errors.size() - shown));
    m_errorLabel->setText(lines.join(QLatin1Char('\n')));
    m_errorLabel->setVisible(!errors.isEmpty());
    Q_EMIT completeChanged();
}

void DraftPage::setBusy(const QString &text) {
    m_busy.text->setText(text);
    m_busy.row->setVisible(!text.isEmpty());
}

void DraftPage::retranslateUi() {
    m_errorLabel->setAccessibleName(tr("Why you cannot continue"));
    m_busy.bar->setAccessibleName(tr("Loading"));
    m_busy.cancel->setText(tr("Stop &loading"));
    m_busy.cancel->setAccessibleName(tr("Stop loading"));
}

void DraftPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_errors.clear();
        m_errorLabel->clear();
        revalidate();
    }
    QWizardPage::changeEvent(event);
}

void clearTableWidgets(QTableWidget *table) {
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            if (QWidget *widget = table->cellWidget(row, column)) {
                widget->setObjectName(QString());
                for (QWidget *child : widget->findChildren<QWidget *>()) // a cell may hold several
                    child->setObjectName(QString());
                widget->hide();
            }
        }
    }
    table->setRowCount(0);
}

} // namespace cmkui
