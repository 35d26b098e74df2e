#include "gui/languagemenu.h"

#include "appcontext.h"

#include <QActionGroup>
#include <QEvent>
#include <QMenu>
#include <QSettings>
#include <QWizard>

namespace cmkapp {

namespace {
const QString languageKey = QStringLiteral("ui/language");
}

LanguageButton::LanguageButton(QWidget *parent)
    : QPushButton(parent) {
    setObjectName(QStringLiteral("languageButton"));
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("languageMenu"));
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    // Each language is named in itself, so that anyone can find their own whatever the current one.
    const QList<QPair<QString, QString>> languages = {{QStringLiteral("en"), QStringLiteral("English")},
                                                      {QStringLiteral("fr"), QStringLiteral("Français")}};
    for (const auto &[code, name] : languages) {
        QAction *action = menu->addAction(name);
        action->setObjectName(QStringLiteral("language_%1").arg(code));
        action->setData(code);
        action->setCheckable(true);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] { switchTo(code); });
    }
    setMenu(menu);
    retranslateUi();
    syncChecks();
}

void LanguageButton::switchTo(const QString &language) {
    if (language != installedLanguage())
        installTranslations(language);
    QSettings().setValue(languageKey, language);
    syncChecks();
}

void LanguageButton::syncChecks() {
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toString() == installedLanguage());
}

void LanguageButton::retranslateUi() {
    // QWizard puts a button's text back from its own copy when the page or the style changes.
    if (m_wizard)
        m_wizard->setButtonText(QWizard::CustomButton1, tr("Lang&uage"));
    else
        setText(tr("Lang&uage"));
    setToolTip(tr("Language of the interface. What you typed is kept."));
}

void LanguageButton::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        syncChecks();
    }
    QPushButton::changeEvent(event);
}

LanguageButton *addLanguageButton(QWizard *wizard) {
    auto *button = new LanguageButton(wizard);
    wizard->setButton(QWizard::CustomButton1, button);
    wizard->setOption(QWizard::HaveCustomButton1, true);
    button->m_wizard = wizard;
    QList<QWizard::WizardButton> layout{QWizard::CustomButton1};
    if (wizard->testOption(QWizard::HaveCustomButton2)) // the window's Review button, next to it
        layout << QWizard::CustomButton2;
    layout << QWizard::Stretch << QWizard::BackButton << QWizard::NextButton << QWizard::CommitButton
           << QWizard::FinishButton << QWizard::CancelButton;
    wizard->setButtonLayout(layout);
    return button;
}

QString savedLanguage() {
    const QString saved = QSettings().value(languageKey).toString();
    return saved == QLatin1String("en") || saved == QLatin1String("fr") ? saved : QString();
}

} // namespace cmkapp
