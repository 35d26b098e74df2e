#pragma once

// VmLiveCheck checks a whole VM draft against Azure before `create-vm` submits it.

#include "arm/armclient.h"
#include "arm/resources.h"
#include "vm/vmdraft.h"
#include "vm/vmvalidation.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace cmk {

class VmImageSource;

/// Reads the image, the subscription's DES, the region's VM sizes, the resource group and the existing
/// subnet, then lists every reason Azure would refuse the draft.
class VmLiveCheck : public QObject {
    Q_OBJECT
public:
    explicit VmLiveCheck(ArmClient *client, QObject *parent = nullptr);
    void start(const VmDraft &draft);
    bool isFinished() const { return m_finished; }
    const ArmError &error() const { return m_error; } ///< could not read something (not a draft problem)
    QStringList reasons() const { return m_reasons; }
    /// The draft with its image fields refreshed from Azure.
    const VmDraft &draft() const { return m_draft; }

Q_SIGNALS:
    void finished();

private:
    void next();
    void listDiskEncryptionSets();
    void listSizes();
    void readResourceGroup();
    void readNetwork();
    void onNetworkRead(ArmReply *reply, bool existing);
    void done(const ArmError &error = {});
    void get(const QString &path, const std::function<void(ArmReply *)> &then, const QUrlQuery &query = {});

    QPointer<ArmClient> m_client;
    VmImageSource *m_source;
    VmDraft m_draft;
    int m_step = 0;
    std::vector<DiskEncryptionSet> m_sets;
    std::optional<std::vector<VmSize>> m_sizes;
    QStringList m_reasons;
    ArmError m_error;
    bool m_finished = false;
};

} // namespace cmk
