#include "common/changenotice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace cmkui {

ChangeNotice::ChangeNotice(QWidget *parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("changeNotice"));
    setFrameShape(QFrame::StyledPanel);
    // The colours of an information bar: it must be seen, it is not an error.
    setStyleSheet(
        QStringLiteral("QFrame#changeNotice { background-color: #deecf9; border: 1px solid #2b88d8; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(9, 6, 9, 6);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("changeNoticeLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    m_undo = new QPushButton(this);
    m_undo->setObjectName(QStringLiteral("undoChangeButton"));
    layout->addWidget(m_undo, 0, Qt::AlignTop);
    m_dismiss = new QPushButton(this);
    m_dismiss->setObjectName(QStringLiteral("dismissChangeButton"));
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        const std::function<void()> undo = m_undoAction;
        dismiss();
        if (undo)
            undo();
    });
    connect(m_dismiss, &QPushButton::clicked, this, &ChangeNotice::dismiss);
    retranslateUi();
    setVisible(false);
}

void ChangeNotice::showChange(std::function<QString()> text, std::function<void()> undo) {
    m_text = std::move(text);
    m_undoAction = std::move(undo);
    m_undo->setVisible(bool(m_undoAction));
    retranslateUi();
    setVisible(true);
}

void ChangeNotice::dismiss() {
    m_text = nullptr;
    m_undoAction = nullptr;
    setVisible(false);
}

QString ChangeNotice::text() const {
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

void ChangeNotice::retranslateUi() {
    m_label->setText(m_text ? m_text() : QString());
    m_undo->setText(tr("&Undo"));
    m_dismiss->setText(tr("D&ismiss"));
    m_dismiss->setToolTip(tr("Hide this message"));
}

void ChangeNotice::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

} // namespace cmkui
