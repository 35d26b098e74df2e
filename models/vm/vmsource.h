#pragma once

// What a VM needs to know about the gallery image version it starts from: the image definition's OS type
// and state (generalized or specialized), the regions the version is replicated to, its data-disk LUNs and
// the Disk Encryption Set of each disk in each region (the defaults of the VM's disks). VmImageSource reads
// them.

#include "arm/armclient.h"
#include "arm/resources.h"
#include "vm/vmdraft.h"
#include "vm/vmvalidation.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace cmk {

struct VmImageInfo {
    QString versionId;
    GalleryImageVersion version;
    GalleryImage definition;
    QStringList regions;            ///< replicated regions, normalised, in the version's order
    QStringList regionDisplayNames; ///< as the version names them ("West Europe")
    QList<int> dataDiskLuns;        ///< ascending
    /// The version's encryption in `region` (empty when it uses platform-managed keys there).
    EncryptionImages encryptionIn(const QString &region) const;
    /// Fills the draft's image fields (OS, regions, LUNs) and, when empty, its subscription and region.
    void applyTo(VmDraft &draft) const;
    /// Sets the disks to the version's DES for the draft's region; the mode follows those DES' type
    /// (`desTypes`: lower-case DES id -> encryptionType), platform keys when the version has none there.
    void applyDiskDefaults(VmDraft &draft, const QMap<QString, QString> &desTypes) const;
};

class VmImageSource : public QObject {
    Q_OBJECT
public:
    explicit VmImageSource(ArmClient *client, QObject *parent = nullptr);
    ~VmImageSource() override;

    void load(const QString &imageVersionId);
    void abort();
    bool isLoading() const { return !m_reply.isNull(); }
    bool isLoaded() const { return m_loaded; }
    const ArmError &error() const { return m_error; }
    const VmImageInfo &info() const { return m_info; }

Q_SIGNALS:
    void finished();

private:
    void finish(const ArmError &error);

    QPointer<ArmClient> m_client;
    QPointer<ArmReply> m_reply;
    VmImageInfo m_info;
    ArmError m_error;
    bool m_loaded = false;
};

} // namespace cmk
