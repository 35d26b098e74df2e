#pragma once

// The wizard's Language button (bottom left): English / Français, switched live. Every page retranslates
// itself on the LanguageChange event, so nothing typed is lost. The choice is remembered for the next start.

#include <QPointer>
#include <QPushButton>
#include <QWizard>

class QActionGroup;
class QWizard;

namespace cmkapp {

class LanguageButton : public QPushButton {
    Q_OBJECT
public:
    explicit LanguageButton(QWidget *parent = nullptr);

    /// Installs the translations of `language` ("en" or "fr"), remembers it, and checks its menu entry.
    void switchTo(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void syncChecks();

    QActionGroup *m_group = nullptr;
    QPointer<QWizard> m_wizard; ///< the wizard showing this button, which keeps its own copy of the text

    friend LanguageButton *addLanguageButton(QWizard *wizard);
};

/// Puts a LanguageButton into `wizard`'s button row (its first custom button).
LanguageButton *addLanguageButton(QWizard *wizard);

/// The language chosen in the menu last time ("en", "fr"), empty when never chosen (system locale).
QString savedLanguage();

} // namespace cmkapp
