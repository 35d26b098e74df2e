#pragma once

// Shared by the wizard tests: an in-process armsandbox over real HTTP, the real ArmClient, and helpers that
// drive the real CreateImageVersionWizard through its widgets (found by objectName).

#include "arm/armclient.h"
#include "armsandbox.h"
#include "imageversion/imageversiondraft.h"
#include "imagewizard/createimageversionwizard.h"
#include "imagewizard/wizardpageids.h"
#include "support/demodraft.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <memory>

namespace wizardtest {

using demodata::buildId;
using demodata::desId;
using demodata::DevSub;
using demodata::Sub;

/// A new wizard, shown, over a new draft holding `initial` before the wizard exists (as the app does with
/// --draft), without the Prerequisites step unless asked (tst_prereqpage covers it; the tests register the
/// feature themselves). The old wizard goes first: it uses the old draft.
inline cmkui::CreateImageVersionWizard *openWizard(cmk::ArmClient *client,
                                                   std::unique_ptr<cmk::ImageVersionDraftModel> &draft,
                                                   std::unique_ptr<cmkui::CreateImageVersionWizard> &wizard,
                                                   int replicationPollIntervalMs,
                                                   const cmk::ImageVersionDraft &initial = {},
                                                   bool withPrerequisites = false) {
    wizard.reset();
    draft = std::make_unique<cmk::ImageVersionDraftModel>();
    draft->setDraft(initial);
    cmkui::CreateWizardOptions options;
    options.withPrerequisites = withPrerequisites;
    options.replicationPollIntervalMs = replicationPollIntervalMs;
    wizard = std::make_unique<cmkui::CreateImageVersionWizard>(client, draft.get(), options);
    wizard->show();
    return wizard.get();
}

/// What a wizard test holds besides its sandbox: the client, the draft and the wizard over it.
struct WizardSession {
    std::unique_ptr<cmk::ArmClient> client;
    std::unique_ptr<cmk::ImageVersionDraftModel> draft;
    std::unique_ptr<cmkui::CreateImageVersionWizard> wizard;

    cmkui::CreateImageVersionWizard *open(const cmk::ImageVersionDraft &initial = {},
                                          bool withPrerequisites = false) {
        return openWizard(client.get(), draft, wizard, 10, initial, withPrerequisites);
    }
    void close() {
        wizard.reset();
        draft.reset();
    }
};

/// Waits until `combo` lists an item starting with `text`, then selects it (as a click in the list does).
inline bool choose(QComboBox *combo, const QString &text, int timeoutMs = 8000) {
    if (!combo) {
        qWarning("choose: no combo");
        return false;
    }
    int index = -1;
    if (!QTest::qWaitFor([&] { return (index = combo->findText(text, Qt::MatchStartsWith)) >= 0; },
                         timeoutMs)) {
        QStringList items;
        for (int i = 0; i < combo->count(); ++i)
            items << combo->itemText(i);
        qWarning("choose: %s has no item starting with \"%s\"; items: %s", qPrintable(combo->objectName()),
                 qPrintable(text), qPrintable(items.join(QStringLiteral(" | "))));
        return false;
    }
    combo->setCurrentIndex(index);
    return combo->currentIndex() == index;
}

inline QStringList items(QComboBox *combo) {
    QStringList out;
    for (int i = 0; combo && i < combo->count(); ++i)
        out << combo->itemText(i);
    return out;
}

template <typename T> T *find(QObject *root, const QString &name) {
    auto *child = root->findChild<T *>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

/// Basics as most tests fill it: the production subscription, galContosoProd/ubuntu-22-04-gen2 (in West
/// Europe), version `version` typed in place of what was there.
inline bool fillDemoTarget(QWidget *wizard, const QString &version) {
    if (!choose(find<QComboBox>(wizard, QStringLiteral("subscriptionCombo")),
                QStringLiteral("Contoso Production")) ||
        !choose(find<QComboBox>(wizard, QStringLiteral("resourceGroupCombo")),
                QStringLiteral("rg-images-prod")) ||
        !choose(find<QComboBox>(wizard, QStringLiteral("galleryCombo")), QStringLiteral("galContosoProd")) ||
        !choose(find<QComboBox>(wizard, QStringLiteral("imageDefinitionCombo")),
                QStringLiteral("ubuntu-22-04-gen2")))
        return false;
    auto *edit = find<QLineEdit>(wizard, QStringLiteral("versionEdit"));
    if (!edit)
        return false;
    edit->clear();
    QTest::keyClicks(edit, version);
    return true;
}

/// Adds a tag on the Tags page as the user does: Add tag, then the name and the value typed in the new row.
inline bool addTag(QWidget *wizard, const QString &name, const QString &value) {
    auto *add = find<QAbstractButton>(wizard, QStringLiteral("addTagButton"));
    auto *tags = find<QTableWidget>(wizard, QStringLiteral("tagsTable"));
    if (!add || !tags)
        return false;
    add->click();
    const int row = tags->rowCount() - 1;
    if (row < 0 || !tags->item(row, 0) || !tags->item(row, 1))
        return false;
    tags->item(row, 0)->setText(name);
    tags->item(row, 1)->setText(value);
    return true;
}

/// Clicks the encryption radio `radioName` (a customer-key one) and accepts the confirmation it asks for.
inline bool chooseCustomerKey(QWidget *wizard, const QString &radioName) {
    find<QAbstractButton>(wizard, radioName)->click();
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (box = wizard->findChild<QMessageBox *>(QStringLiteral("cmkConfirmation"))); },
            3000))
        return false;
    box->button(QMessageBox::Yes)->click();
    return QTest::qWaitFor([&] { return find<QAbstractButton>(wizard, radioName)->isChecked(); }, 3000);
}

/// Clicks Next once it is enabled.
inline bool next(QWizard *wizard, int timeoutMs = 8000) {
    QAbstractButton *button = wizard->button(QWizard::NextButton);
    if (!QTest::qWaitFor([button] { return button->isEnabled() && button->isVisible(); }, timeoutMs)) {
        const auto *label = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        qWarning("Next stays disabled on %s: %s", qPrintable(wizard->currentPage()->objectName()),
                 label ? qPrintable(label->text()) : "");
        return false;
    }
    const int before = wizard->currentId();
    button->click();
    return wizard->currentId() != before;
}

/// The text of the current page's error label (empty while it is hidden); tests wait for the text they expect
/// with QTRY_VERIFY, as the label follows the lists loading.
inline QString errorText(QWizard *wizard) {
    const auto *label = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("errorLabel"));
    return label && label->isVisible() ? label->text() : QString();
}

/// Bodies of the PUTs the sandbox received for image versions.
inline QList<QJsonObject> versionPuts(const armsandbox::Sandbox &sandbox) {
    QList<QJsonObject> out;
    for (const armsandbox::Exchange &exchange : sandbox.exchanges()) {
        if (exchange.liveRequest.value(QStringLiteral("method")).toString() == QLatin1String("PUT") &&
            exchange.liveRequest.value(QStringLiteral("url"))
                .toString()
                .contains(QLatin1String("/versions/")))
            out << exchange.liveRequest.value(QStringLiteral("body")).toObject();
    }
    return out;
}

inline QJsonValue at(const QJsonValue &root, const QString &path) {
    QJsonValue value = root;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        value = isIndex ? value.toArray().at(index) : value.toObject().value(part);
    }
    return value;
}

/// The sandbox's demo data with the SIGEncryption preview feature registered in `subscription`.
inline bool registerFeature(cmk::ArmClient &client, const QString &subscription) {
    const QString path =
        QStringLiteral("/subscriptions/%1/providers/Microsoft.Features/providers/Microsoft.Compute/"
                       "features/SIGEncryption")
            .arg(subscription);
    cmk::ArmReply *reply = client.post(path + QStringLiteral("/register"));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 5000) || reply->error())
        return false;
    for (int i = 0; i < 20; ++i) {
        cmk::ArmReply *state = client.get(path);
        if (!QTest::qWaitFor([&] { return state->isFinished(); }, 5000))
            return false;
        const auto &j = state->json();
        if (j.contains("properties") && j["properties"].value("state", std::string()) == "Registered")
            return true;
    }
    return false;
}

/// The sandbox and client most wizard tests use: two polls per long-running operation, 10 ms polling, two
/// tries, the SIGEncryption feature registered in the production subscription (it starts not registered).
inline bool startRegisteredSandbox(armsandbox::Sandbox &sandbox, std::unique_ptr<cmk::ArmClient> &client,
                                   QString *why) {
    armsandbox::SandboxOptions options;
    options.lroPollsUntilDone = 2;
    options.featurePollsUntilRegistered = 1;
    if (!sandbox.start(options, why))
        return false;
    client = std::make_unique<cmk::ArmClient>();
    client->setEndpoint(sandbox.baseUrl());
    client->setDefaultPollIntervalMs(10);
    cmk::RetryPolicy retry;
    retry.maxTries = 2;
    retry.baseDelayMs = 10;
    client->setRetryPolicy(retry);
    *why = QStringLiteral("the SIGEncryption feature could not be registered");
    return registerFeature(*client, Sub);
}

/// `session`'s wizard, new, on a customer-key draft of `version` for West Europe and France Central, clicked
/// on to the Encryption page. False when a page would not let it go on.
inline bool openAtEncryptionPage(WizardSession &session, const QString &version) {
    const cmk::ImageVersionDraft draft =
        demodata::withTargetRegion(demodata::cmkImageVersionDraft(version, cmk::SourceKind::ManagedImage),
                                   QStringLiteral("francecentral"), desId(QStringLiteral("des-frc-cmk")));
    cmkui::CreateImageVersionWizard *wizard = session.open(draft);
    for (int i = 0; i < 4 && wizard->currentId() != cmkui::EncryptionPageId; ++i) {
        if (!next(wizard))
            return false;
    }
    return wizard->currentId() == cmkui::EncryptionPageId;
}

} // namespace wizardtest
