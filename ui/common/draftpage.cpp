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

DraftPage::DraftPage(const WizardServices &services, QWidget *parent)
    : QWizardPage(parent)
    , m_services(services) {
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xa4, 0x00, 0x0f));
    m_errorLabel->setPalette(palette);
    m_errorLabel->setVisible(false);

    m_busyRow = new QWidget(this);
    m_busyRow->setObjectName(QStringLiteral("busyRow"));
    auto *busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_busyBar = new QProgressBar(m_busyRow);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setTextVisible(false);
    m_busyLabel = new QLabel(m_busyRow);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setWordWrap(true);
    m_cancelButton = new QPushButton(m_busyRow);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadingButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { cancelLoading(); });
    busyLayout->addWidget(m_busyBar);
    busyLayout->addWidget(m_busyLabel, 1);
    busyLayout->addWidget(m_cancelButton);
    m_busyRow->setVisible(false);
}

void DraftPage::addStatusWidgets(QVBoxLayout *layout) {
    layout->addWidget(m_busyRow);
    layout->addWidget(m_errorLabel);
}

bool DraftPage::isComplete() const {
    return m_errors.isEmpty();
}

void DraftPage::revalidate() {
    const QStringList errors = computeErrors();
    if (errors == m_errors && m_errorLabel->isVisible() == !errors.isEmpty())
        return;
    m_errors = errors;
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
    m_busyLabel->setText(text);
    m_busyRow->setVisible(!text.isEmpty());
}

void DraftPage::retranslateUi() {
    m_errorLabel->setAccessibleName(tr("Why you cannot continue"));
    m_busyBar->setAccessibleName(tr("Loading"));
    m_cancelButton->setText(tr("Stop &loading"));
    m_cancelButton->setAccessibleName(tr("Stop loading"));
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
