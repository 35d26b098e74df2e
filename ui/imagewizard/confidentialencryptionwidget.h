#pragma once

// The Confidential VM part of the Encryption page, shown for image definitions whose SecurityType is
// ConfidentialVM or ConfidentialVMSupported: per target region, the confidential VM encryption type
// (encryption.osDiskImage.securityProfile) and the secure-VM disk encryption set that EncryptedWithCmk needs,
// chosen among the wizard's one DES list (that region, that subscription, type
// ConfidentialVmEncryptedWithCustomerKey). Each region's problems show next to its row.

#include "imagewizard/wizardservices.h"

#include <QGroupBox>
#include <QStringList>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;

namespace cmk {
struct DiskEncryptionSet;
}

namespace cmkui {

class ConfidentialEncryptionWidget : public QGroupBox {
    Q_OBJECT
public:
    explicit ConfidentialEncryptionWidget(const WizardServices &services, QWidget *parent = nullptr);

    /// The confidential rules' reasons for the whole draft (see cmk::ConfidentialVmValidation::errors),
    /// with the secure sets checked once the DES list is complete.
    QStringList errors() const;
    /// Whether the rows show their reasons (the page's errors are shown once it was touched).
    void setErrorsShown(bool shown);

Q_SIGNALS:
    /// The user changed a type or a set (the page validates again).
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    /// Shows or hides the box, rebuilds the rows when the regions changed, then syncs them.
    void follow();
    void rebuildRows();
    void syncRows();
    void fillSecureDes(QComboBox *combo, const QString &region);
    void onTypeChosen(const QString &region, QComboBox *combo);
    void onDesChosen(const QString &region, QComboBox *combo);
    /// The subscription's sets once the list is complete, else nullptr (no verdict on a partial list).
    const std::vector<cmk::DiskEncryptionSet> *liveSets() const;
    QString regionDisplay(const QString &region) const;

    WizardServices m_services;
    QLabel *m_intro = nullptr;
    QGridLayout *m_rows = nullptr;
    QList<QLabel *> m_headers;
    QStringList m_regions; ///< rows as built
    QString m_securityType;
    bool m_errorsShown = false;
    QString m_subscription;
    bool m_syncing = false;
};

} // namespace cmkui
