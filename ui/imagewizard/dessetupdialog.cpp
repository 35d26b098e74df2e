#include "imagewizard/dessetupdialog.h"

#include "arm/armclient.h"
#include "keyvault/vaultnamecheck.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace cmk;

namespace cmkui {

namespace {

const QString kDoubleEncryption = QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys");

QLabel *wrappedLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLineEdit *nameEdit(const QString &objectName, QWidget *parent) {
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

DesSetupDialog::DesSetupDialog(ArmClient *client, const DesSetupRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_request(request)
    , m_runner(new DesSetupRunner(client, this))
    , m_nameCheck(new KeyVaultNameCheck(client, this)) {
    setObjectName(QStringLiteral("desSetupDialog"));
    m_request.region = normalizeRegion(request.region);
    if (client) {
        const RetryPolicy policy = client->retryPolicy();
        m_runner->setGrantRetry(
            GrantRetry{8, qMin(policy.baseDelayMs, policy.maxDelayMs), policy.maxDelayMs});
    }
    // The form, the steps and the commands scroll together on a small screen; the buttons stay in view.
    auto *outer = new QVBoxLayout(this);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("setupScrollArea"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(m_scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_intro = wrappedLabel(QStringLiteral("setupIntroLabel"), this);
    layout->addWidget(m_intro);
    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("setupForm"));
    m_form->setLayout(buildForm());
    layout->addWidget(m_form);
    m_blockedLabel = wrappedLabel(QStringLiteral("createBlockedLabel"), this);
    m_blockedLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
    layout->addWidget(m_blockedLabel);
    buildProgress(layout);
    layout->addStretch(1);
    m_scroll->setWidget(content);
    outer->addWidget(m_scroll, 1);
    buildButtons(outer);
    connectForm();

    m_nameCheckTimer = new QTimer(this);
    m_nameCheckTimer->setSingleShot(true);
    m_nameCheckTimer->setInterval(250);
    connect(m_nameCheckTimer, &QTimer::timeout, this, [this] {
        m_nameCheck->check(m_request.subscriptionId, m_groupEdit->text().trimmed(),
                           m_vaultNameEdit->text().trimmed());
        updateButtons();
    });
    connect(m_nameCheck, &KeyVaultNameCheck::finished, this, [this] { updateButtons(); });
    connect(m_runner, &DesSetupRunner::stepChanged, this, &DesSetupDialog::showStep);
    connect(m_runner, &DesSetupRunner::note, m_noteLabel, &QLabel::setText);
    connect(m_runner, &DesSetupRunner::finished, this, &DesSetupDialog::showFinished);

    m_groupEdit->setText(m_request.resourceGroup);
    fillDefaultNames();
    retranslateUi();
    scheduleNameCheck();
    fitToContent();
}

DesSetupDialog::~DesSetupDialog() = default;

QFormLayout *DesSetupDialog::buildForm() {
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    m_vaultNameEdit = nameEdit(QStringLiteral("vaultNameEdit"), m_form);
    m_vaultNameStatus = wrappedLabel(QStringLiteral("vaultNameStatusLabel"), m_form);
    auto *vault = new QVBoxLayout;
    vault->setSpacing(2);
    vault->addWidget(m_vaultNameEdit);
    vault->addWidget(m_vaultNameStatus);
    m_vaultNameLabel = new QLabel(m_form);
    m_vaultNameLabel->setBuddy(m_vaultNameEdit);
    form->addRow(m_vaultNameLabel, vault);

    m_keyNameEdit = nameEdit(QStringLiteral("keyNameEdit"), m_form);
    m_keySizeCombo = new QComboBox(m_form);
    m_keySizeCombo->setObjectName(QStringLiteral("keySizeCombo"));
    for (int bits : {2048, 3072, 4096})
        m_keySizeCombo->addItem(QString(), bits);
    m_keySizeCombo->setCurrentIndex(m_keySizeCombo->findData(DesSetupOptions().keySize));
    auto *key = new QHBoxLayout;
    key->addWidget(m_keyNameEdit, 1);
    m_keySizeLabel = new QLabel(m_form);
    m_keySizeLabel->setBuddy(m_keySizeCombo);
    key->addWidget(m_keySizeLabel);
    key->addWidget(m_keySizeCombo);
    m_keyNameLabel = new QLabel(m_form);
    m_keyNameLabel->setBuddy(m_keyNameEdit);
    form->addRow(m_keyNameLabel, key);

    m_desNameEdit = nameEdit(QStringLiteral("desNameEdit"), m_form);
    m_desNameLabel = new QLabel(m_form);
    m_desNameLabel->setBuddy(m_desNameEdit);
    form->addRow(m_desNameLabel, m_desNameEdit);
    m_groupEdit = nameEdit(QStringLiteral("resourceGroupEdit"), m_form);
    m_groupLabel = new QLabel(m_form);
    m_groupLabel->setBuddy(m_groupEdit);
    form->addRow(m_groupLabel, m_groupEdit);

    m_rbacRadio = new QRadioButton(m_form);
    m_rbacRadio->setObjectName(QStringLiteral("rbacRadio"));
    m_rbacRadio->setChecked(DesSetupOptions().rbac);
    m_accessPolicyRadio = new QRadioButton(m_form);
    m_accessPolicyRadio->setObjectName(QStringLiteral("accessPolicyRadio"));
    m_accessPolicyRadio->setChecked(!DesSetupOptions().rbac);
    auto *permission = new QVBoxLayout;
    permission->addWidget(m_rbacRadio);
    permission->addWidget(m_accessPolicyRadio);
    m_permissionLabel = new QLabel(m_form);
    form->addRow(m_permissionLabel, permission);
    m_autoRotationCheck = new QCheckBox(m_form);
    m_autoRotationCheck->setObjectName(QStringLiteral("autoRotationCheck"));
    form->addRow(QString(), m_autoRotationCheck);
    return form;
}

void DesSetupDialog::buildProgress(QVBoxLayout *layout) {
    m_steps = new QTableWidget(0, 2, this);
    m_steps->setTabKeyNavigation(false); // Tab leaves the table; the arrow keys move between cells
    m_steps->setObjectName(QStringLiteral("setupStepsTable"));
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->verticalHeader()->setVisible(false);
    m_steps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_steps->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->setRowCount(int(DesSetupRunner::steps().size()));
    int height = m_steps->horizontalHeader()->sizeHint().height() + 2 * m_steps->frameWidth();
    for (int row = 0; row < m_steps->rowCount(); ++row) {
        m_steps->setItem(row, 0, new QTableWidgetItem);
        m_steps->setItem(row, 1, new QTableWidgetItem);
        height += m_steps->rowHeight(row);
    }
    m_steps->setFixedHeight(height);
    m_steps->setVisible(false);
    layout->addWidget(m_steps);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("setupProgress"));
    m_progress->setRange(0, int(DesSetupRunner::steps().size()));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_noteLabel = wrappedLabel(QStringLiteral("setupNoteLabel"), this);
    layout->addWidget(m_noteLabel);
    m_errorLabel = wrappedLabel(QStringLiteral("setupErrorLabel"), this);
    m_errorLabel->setStyleSheet(
        QStringLiteral("QLabel { background-color: #fbe3e4; color: #6b0a10; border: 1px "
                       "solid #d9534f; border-radius: 4px; padding: 6px; }"));
    m_errorLabel->setVisible(false);
    layout->addWidget(m_errorLabel);
    m_healthLabel = wrappedLabel(QStringLiteral("setupHealthLabel"), this);
    m_healthLabel->setVisible(false);
    layout->addWidget(m_healthLabel);

    m_commandsLabel = new QLabel(this);
    m_commandsLabel->setObjectName(QStringLiteral("setupCommandsLabel"));
    m_commandsEdit = new QPlainTextEdit(this);
    m_commandsEdit->setObjectName(QStringLiteral("setupCommandsEdit"));
    m_commandsEdit->setReadOnly(true);
    m_commandsEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_commandsEdit->setFont(fixed);
    m_commandsEdit->setFixedHeight(QFontMetrics(fixed).lineSpacing() * 6 + 12);
    m_commandsLabel->setBuddy(m_commandsEdit);
    m_copyButton = new QPushButton(this);
    m_copyButton->setObjectName(QStringLiteral("copySetupCommandsButton"));
    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_commandsEdit->toPlainText()); });
    auto *commandsRow = new QHBoxLayout;
    commandsRow->addWidget(m_commandsLabel, 1);
    commandsRow->addWidget(m_copyButton);
    layout->addLayout(commandsRow);
    layout->addWidget(m_commandsEdit);
    for (QWidget *w : {static_cast<QWidget *>(m_commandsLabel), static_cast<QWidget *>(m_commandsEdit),
                       static_cast<QWidget *>(m_copyButton)})
        w->setVisible(false);
}

void DesSetupDialog::buildButtons(QVBoxLayout *layout) {
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    m_createButton = new QPushButton(this);
    m_createButton->setObjectName(QStringLiteral("createDesButton"));
    m_createButton->setDefault(true);
    m_tryAgainButton = new QPushButton(this);
    m_tryAgainButton->setObjectName(QStringLiteral("tryAgainButton"));
    m_tryAgainButton->setVisible(false);
    m_closeButton = new QPushButton(this);
    m_closeButton->setObjectName(QStringLiteral("closeSetupButton"));
    m_closeButton->setVisible(false);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelSetupButton"));
    for (QPushButton *button : {m_createButton, m_tryAgainButton, m_closeButton, m_cancelButton})
        row->addWidget(button);
    layout->addLayout(row);
    connect(m_createButton, &QPushButton::clicked, this, &DesSetupDialog::startSetup);
    connect(m_tryAgainButton, &QPushButton::clicked, this, &DesSetupDialog::startSetup);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancelButton, &QPushButton::clicked, this, &DesSetupDialog::reject);
}

void DesSetupDialog::connectForm() {
    connect(m_vaultNameEdit, &QLineEdit::textEdited, this, [this] { m_vaultNameEdited = true; });
    connect(m_desNameEdit, &QLineEdit::textEdited, this, [this] { m_desNameEdited = true; });
    connect(m_vaultNameEdit, &QLineEdit::textChanged, this, [this] { scheduleNameCheck(); });
    connect(m_groupEdit, &QLineEdit::textChanged, this, [this] {
        fillDefaultNames(); // the default vault name depends on the group
        scheduleNameCheck();
    });
    for (QLineEdit *edit : {m_keyNameEdit, m_desNameEdit})
        connect(edit, &QLineEdit::textChanged, this, [this] { updateButtons(); });
}

QString DesSetupDialog::shownRegion() const {
    return m_request.regionDisplayName.isEmpty() ? m_request.region : m_request.regionDisplayName;
}

void DesSetupDialog::fillDefaultNames() {
    DesSetupOptions defaults;
    defaults.subscriptionId = m_request.subscriptionId;
    defaults.resourceGroup = m_groupEdit->text().trimmed();
    defaults.location = m_request.region;
    defaults.encryptionType = m_request.encryptionType;
    defaults = defaults.withDefaults();
    if (!m_vaultNameEdited)
        m_vaultNameEdit->setText(defaults.vaultName);
    if (!m_desNameEdited)
        m_desNameEdit->setText(defaults.desName);
    if (m_keyNameEdit->text().isEmpty())
        m_keyNameEdit->setText(defaults.keyName);
}

DesSetupOptions DesSetupDialog::options() const {
    DesSetupOptions o;
    o.subscriptionId = m_request.subscriptionId;
    o.resourceGroup = m_groupEdit->text().trimmed();
    o.location = m_request.region;
    o.encryptionType = m_request.encryptionType;
    o.vaultName = m_vaultNameEdit->text().trimmed();
    o.keyName = m_keyNameEdit->text().trimmed();
    o.desName = m_desNameEdit->text().trimmed();
    o.keySize = m_keySizeCombo->currentData().toInt();
    o.rbac = m_rbacRadio->isChecked();
    o.autoRotation = m_autoRotationCheck->isChecked();
    return o;
}

bool DesSetupDialog::succeeded() const {
    return m_ranOnce && m_runner->succeeded();
}

void DesSetupDialog::setGrantRetry(const GrantRetry &retry) {
    m_runner->setGrantRetry(retry);
}

void DesSetupDialog::fitToContent() {
    const QSize content = m_scroll->widget()->sizeHint();
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 800, 600);
    const int buttons = m_cancelButton->sizeHint().height() + 4 * layout()->spacing() +
                        layout()->contentsMargins().top() + layout()->contentsMargins().bottom();
    m_scroll->setMinimumWidth(
        qMin(qMax(content.width(), 620) + m_scroll->verticalScrollBar()->sizeHint().width(),
             available.width() - 60));
    m_scroll->setMinimumHeight(qMin(content.height(), available.height() - buttons - 40));
    adjustSize();
}

void DesSetupDialog::scheduleNameCheck() {
    m_nameCheckTimer->start();
    updateButtons();
}

QString DesSetupDialog::blockedReason() const {
    const DesSetupOptions o = options();
    if (const QString problem = o.problem(); !problem.isEmpty())
        return problem;
    if (m_nameCheckTimer->isActive() || m_nameCheck->name() != o.vaultName ||
        m_nameCheck->result() == KeyVaultNameCheck::Result::Checking ||
        m_nameCheck->result() == KeyVaultNameCheck::Result::Unknown)
        return tr("Checking whether the key vault name %1 is available…").arg(o.vaultName);
    if (!m_nameCheck->usable())
        return m_nameCheck->explanation();
    return {};
}

void DesSetupDialog::updateButtons() {
    const bool current = !m_nameCheckTimer->isActive() &&
                         m_nameCheck->name() == m_vaultNameEdit->text().trimmed() &&
                         m_nameCheck->result() != KeyVaultNameCheck::Result::Checking;
    m_vaultNameStatus->setText(current ? m_nameCheck->explanation() : tr("Checking…"));
    m_vaultNameStatus->setStyleSheet(!current                ? QString()
                                     : m_nameCheck->usable() ? QStringLiteral("QLabel { color: #1b5e20; }")
                                                             : QStringLiteral("QLabel { color: #b3261e; }"));
    const bool finishedWell = succeeded();
    const QString blocked = (m_running || finishedWell) ? QString() : blockedReason();
    m_blockedLabel->setText(blocked);
    m_blockedLabel->setVisible(!blocked.isEmpty());
    m_form->setEnabled(!m_running && !finishedWell);
    m_form->setVisible(!finishedWell); // the steps name what was set up
    m_createButton->setVisible(!m_ranOnce);
    m_tryAgainButton->setVisible(m_ranOnce && !finishedWell);
    m_createButton->setEnabled(!m_running && blocked.isEmpty());
    m_tryAgainButton->setEnabled(!m_running && blocked.isEmpty());
    m_closeButton->setVisible(finishedWell);
    m_cancelButton->setVisible(!finishedWell);
}

void DesSetupDialog::startSetup() {
    if (m_running || !blockedReason().isEmpty())
        return;
    m_running = true;
    m_ranOnce = true;
    m_errorLabel->setVisible(false);
    m_healthLabel->setVisible(false);
    m_noteLabel->clear();
    m_steps->setVisible(true);
    m_progress->setVisible(true);
    m_progress->setValue(0);
    const DesSetupOptions o = options();
    const QList<DesSetupStep> steps = DesSetupRunner::steps();
    for (int row = 0; row < steps.size(); ++row) {
        m_steps->item(row, 0)->setText(DesSetupRunner::stepTitle(steps.at(row), o));
        showStep(steps.at(row), DesSetupStepState::Pending);
    }
    updateButtons();
    fitToContent();
    m_runner->start(o);
}

void DesSetupDialog::showStep(DesSetupStep step, DesSetupStepState state) {
    const int row = int(DesSetupRunner::steps().indexOf(step));
    if (row < 0)
        return;
    QTableWidgetItem *item = m_steps->item(row, 1);
    item->setText(DesSetupRunner::stateText(state));
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    switch (state) {
    case DesSetupStepState::Running:
        icon = QStyle::SP_BrowserReload;
        break;
    case DesSetupStepState::Created:
    case DesSetupStepState::Reused:
    case DesSetupStepState::Done:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case DesSetupStepState::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case DesSetupStepState::Pending:
        break;
    }
    item->setIcon(icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
    int done = 0;
    for (DesSetupStep each : DesSetupRunner::steps()) {
        const DesSetupStepState s = m_runner->state(each);
        done += (s == DesSetupStepState::Created || s == DesSetupStepState::Reused ||
                 s == DesSetupStepState::Done)
                    ? 1
                    : 0;
    }
    m_progress->setValue(done);
}

void DesSetupDialog::showFinished() {
    m_running = false;
    m_noteLabel->clear();
    const DesSetupOptions used = m_runner->options();
    m_commandsEdit->setPlainText(DesSetupRunner::azureCliCommands(used).join(QLatin1Char('\n')));
    for (QWidget *w : {static_cast<QWidget *>(m_commandsLabel), static_cast<QWidget *>(m_commandsEdit),
                       static_cast<QWidget *>(m_copyButton)})
        w->setVisible(true);
    showHealth();
    if (m_runner->error()) {
        QString failedStep;
        for (DesSetupStep step : DesSetupRunner::steps()) {
            if (m_runner->state(step) == DesSetupStepState::Failed)
                failedStep = DesSetupRunner::stepTitle(step, used);
        }
        m_errorLabel->setText(tr("The set-up stopped at “%1”: %2\nWhat was created stays in Azure; Try "
                                 "again goes on from there without creating anything twice.")
                                  .arg(failedStep, m_runner->error().toDisplayString()));
        m_errorLabel->setVisible(true);
    } else if (!m_runner->succeeded()) {
        m_errorLabel->setText(
            tr("The disk encryption set %1 exists but cannot be used yet: its health check found an error.")
                .arg(used.desName));
        m_errorLabel->setVisible(true);
    }
    // The vault may exist now: the name check says it is reused rather than taken.
    m_nameCheck->check(m_request.subscriptionId, used.resourceGroup, used.vaultName);
    updateButtons();
    fitToContent();
    if (m_runner->succeeded())
        Q_EMIT setCreated(used.desId());
}

void DesSetupDialog::showHealth() {
    const DesHealth *health = m_runner->health();
    m_healthLabel->setVisible(health != nullptr);
    if (!health)
        return;
    QStringList lines{tr("Health of %1: %2").arg(health->name, translatedStatus(health->status))};
    for (const DesFinding &finding : health->findings)
        lines << QStringLiteral("• %1: %2").arg(translatedSeverity(finding.severity), finding.message);
    m_healthLabel->setText(lines.join(QLatin1Char('\n')));
}

void DesSetupDialog::reject() {
    if (m_running) {
        askToCancel();
        return;
    }
    QDialog::reject();
}

void DesSetupDialog::askToCancel() {
    if (findChild<QMessageBox *>(QStringLiteral("cancelSetupConfirmation")))
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Stop the set-up?"),
                                tr("The disk encryption set is still being set up. Stop waiting for it? What "
                                   "Azure has created so far stays; running the set-up again reuses it."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("cancelSetupConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *stop = box->addButton(tr("Stop the set-up"), QMessageBox::DestructiveRole);
    stop->setObjectName(QStringLiteral("confirmCancelSetupButton"));
    QPushButton *keep = box->addButton(tr("Keep going"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepSetupButton"));
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        if (box->clickedButton() != stop)
            return;
        m_runner->disconnect(this);
        m_running = false;
        QDialog::reject();
    });
    box->open();
}

void DesSetupDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void DesSetupDialog::retranslateUi() {
    setWindowTitle(tr("Create a disk encryption set in %1").arg(shownRegion()));
    const QString type = m_request.encryptionType == kDoubleEncryption
                             ? tr("double encryption with platform-managed and customer-managed keys")
                             : tr("encryption at rest with a customer-managed key");
    m_intro->setText(
        tr("Creates, in %1 and the subscription %2: a key vault with purge protection, an RSA key, "
           "and a disk encryption set for %3 whose system-assigned identity may use the key. "
           "What already exists under these names is reused.")
            .arg(shownRegion(), m_request.subscriptionId, type));
    m_vaultNameLabel->setText(tr("&Key vault name:"));
    m_vaultNameEdit->setAccessibleName(tr("Key vault name"));
    m_vaultNameStatus->setAccessibleName(tr("Key vault name availability"));
    m_keyNameLabel->setText(tr("K&ey name:"));
    m_keyNameEdit->setAccessibleName(tr("Key name"));
    m_keySizeLabel->setText(tr("&Size:"));
    m_keySizeCombo->setAccessibleName(tr("Key size"));
    for (int i = 0; i < m_keySizeCombo->count(); ++i)
        m_keySizeCombo->setItemText(i, tr("RSA %1 bits").arg(m_keySizeCombo->itemData(i).toInt()));
    m_desNameLabel->setText(tr("&Disk encryption set name:"));
    m_desNameEdit->setAccessibleName(tr("Disk encryption set name"));
    m_groupLabel->setText(tr("&Resource group:"));
    m_groupEdit->setAccessibleName(tr("Resource group of the key vault and the disk encryption set"));
    m_permissionLabel->setText(tr("Permission model:"));
    m_rbacRadio->setText(tr("Azure role-based access control (a role assignment on the vault)"));
    m_accessPolicyRadio->setText(tr("Vault access policy"));
    m_autoRotationCheck->setText(tr("Follow new key versions automatically (auto-rotation)"));
    m_steps->setHorizontalHeaderLabels({tr("Step"), tr("State")});
    m_steps->setAccessibleName(tr("Set-up steps"));
    m_progress->setAccessibleName(tr("Set-up progress"));
    m_errorLabel->setAccessibleName(tr("Error"));
    m_healthLabel->setAccessibleName(tr("Health of the new disk encryption set"));
    m_commandsLabel->setText(tr("The same set-up with the Azure CLI:"));
    m_commandsEdit->setAccessibleName(tr("Equivalent Azure CLI commands"));
    m_copyButton->setText(tr("&Copy"));
    m_copyButton->setAccessibleName(tr("Copy the Azure CLI commands"));
    m_createButton->setText(tr("Create disk encr&yption set"));
    m_tryAgainButton->setText(tr("&Try again"));
    m_tryAgainButton->setAccessibleName(tr("Try again from the step that failed"));
    m_closeButton->setText(tr("C&lose"));
    m_cancelButton->setText(tr("Cancel"));
    const QList<DesSetupStep> steps = DesSetupRunner::steps();
    const DesSetupOptions o = m_ranOnce ? m_runner->options() : options();
    for (int row = 0; row < steps.size(); ++row) {
        m_steps->item(row, 0)->setText(DesSetupRunner::stepTitle(steps.at(row), o));
        if (m_ranOnce)
            m_steps->item(row, 1)->setText(DesSetupRunner::stateText(m_runner->state(steps.at(row))));
    }
    if (m_ranOnce && !m_running)
        showHealth();
    updateButtons();
}

} // namespace cmkui
