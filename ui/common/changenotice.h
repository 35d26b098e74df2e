#pragma once

// A strip at the top of a wizard page that says what a change of the user's cleared and why, with Undo when
// the change can be taken back (issue 19: nothing the user chose is lost without saying so). The text is
// built again on a change of language.

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;

namespace cmkui {

class ChangeNotice : public QFrame {
    Q_OBJECT
public:
    /// Object names (tests find them): changeNotice, changeNoticeLabel, undoChangeButton,
    /// dismissChangeButton. Hidden until showChange().
    explicit ChangeNotice(QWidget *parent = nullptr);

    /// Shows what `text` returns; with `undo`, an Undo button that calls it and hides the strip.
    void showChange(std::function<QString()> text, std::function<void()> undo = {});
    /// Hides the strip and forgets its Undo.
    void dismiss();
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_label = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_dismiss = nullptr;
    std::function<QString()> m_text;
    std::function<void()> m_undoAction;
};

} // namespace cmkui
