#pragma once

// The application's style with a focus frame one can see: Fusion (and most platform styles) mark the focused
// field with a faint tint, easy to lose when working with the keyboard only. This proxy draws a 2-pixel frame
// in the palette's highlight colour around whatever has the keyboard focus: fields, lists and tables,
// buttons, check boxes. It draws inside the widgets' own rectangles, so no layout changes.

#include <QProxyStyle>

namespace cmkui {

class FocusFrameStyle : public QProxyStyle {
    Q_OBJECT
public:
    /// Wraps the style `key` names (QStyleFactory), or the platform's default when empty.
    explicit FocusFrameStyle(const QString &key = QString());

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget = nullptr) const override;
    void polish(QWidget *widget) override;
    using QProxyStyle::polish;
    void unpolish(QWidget *widget) override;
    using QProxyStyle::unpolish;

protected:
    /// Lists and tables repaint their frame when they gain or lose the focus (they repaint only their cells).
    bool eventFilter(QObject *watched, QEvent *event) override;
};

/// Makes FocusFrameStyle the application's style (over the current one).
void installFocusFrameStyle();

} // namespace cmkui
