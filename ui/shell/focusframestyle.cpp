#include "shell/focusframestyle.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

namespace cmkui {

namespace {

bool showsKeyboardFocus(const QStyleOption *option) {
    return (option->state & QStyle::State_HasFocus) && (option->state & QStyle::State_Enabled);
}

/// The frame itself: 2 px of the highlight colour just inside `rect`, with the corners Fusion rounds.
void drawFocusOutline(QPainter *painter, const QRect &rect, const QPalette &palette) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen pen(palette.color(QPalette::Active, QPalette::Highlight), 2.0);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(rect).adjusted(1.0, 1.0, -1.0, -1.0), 2.0, 2.0);
    painter->restore();
}

/// The line edit inside a spin box or an editable combo: the outer control draws the frame.
bool isInnerLineEdit(const QWidget *widget) {
    const QWidget *parent = widget ? widget->parentWidget() : nullptr;
    return qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent);
}

} // namespace

FocusFrameStyle::FocusFrameStyle(const QString &key)
    : QProxyStyle(key) {}

void FocusFrameStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                    const QWidget *widget) const {
    if (element == PE_FrameFocusRect) { // check boxes, radio buttons, item views' current cell
        drawFocusOutline(painter, option->rect, option->palette);
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if ((element == PE_PanelLineEdit || element == PE_FrameLineEdit) && showsKeyboardFocus(option) &&
        !isInnerLineEdit(widget))
        drawFocusOutline(painter, option->rect, option->palette);
}

void FocusFrameStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                                  const QWidget *widget) const {
    QProxyStyle::drawControl(element, option, painter, widget);
    if (!showsKeyboardFocus(option))
        return;
    if (element == CE_PushButtonBevel ||
        (element == CE_ShapedFrame && qobject_cast<const QAbstractScrollArea *>(widget)))
        drawFocusOutline(painter, option->rect, option->palette);
}

void FocusFrameStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                         QPainter *painter, const QWidget *widget) const {
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    if ((control == CC_ComboBox || control == CC_SpinBox) && showsKeyboardFocus(option))
        drawFocusOutline(painter, option->rect, option->palette);
}

void FocusFrameStyle::polish(QWidget *widget) {
    QProxyStyle::polish(widget);
    if (qobject_cast<QAbstractScrollArea *>(widget))
        widget->installEventFilter(this);
}

void FocusFrameStyle::unpolish(QWidget *widget) {
    if (qobject_cast<QAbstractScrollArea *>(widget))
        widget->removeEventFilter(this);
    QProxyStyle::unpolish(widget);
}

bool FocusFrameStyle::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        static_cast<QWidget *>(watched)->update();
    return QProxyStyle::eventFilter(watched, event);
}

void installFocusFrameStyle() {
    // The proxy takes over the current style (the platform's, or the one -style named).
    QApplication::setStyle(new FocusFrameStyle(QApplication::style()->name()));
}

} // namespace cmkui
