#include "arm/vmcheck.h"

#include "arm/armstore.h"
#include "arm/descheck.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace armsandbox {

const QList<VmSize> &vmSizeTable() {
    static const QList<VmSize> sizes = {
        {"Standard_B1s", 1, 1024, 2, 4096},   {"Standard_B2s", 2, 4096, 4, 8192},
        {"Standard_D2s_v5", 2, 8192, 4, 0},   {"Standard_D4s_v5", 4, 16384, 8, 0},
        {"Standard_E4s_v5", 4, 32768, 8, 0},  {"Standard_F2s_v2", 2, 4096, 4, 16384},
        {"Standard_DC2as_v5", 2, 8192, 4, 0},
    };
    return sizes;
}

std::optional<VmSize> vmSizeIn(const QString &location, const QString &name) {
    for (const VmSize &size : vmSizeTable()) {
        if (name.compare(QLatin1String(size.name), Qt::CaseInsensitive) != 0)
            continue;
        if (normalizeRegion(location) == QLatin1String("westus") &&
            QLatin1String(size.name).startsWith(QLatin1String("Standard_E")))
            return std::nullopt;
        return size;
    }
    return std::nullopt;
}

/// The DES the image version's `encryption` (of one target region) gives a disk (lun < 0: OS disk).
QString vmImageDesIn(const QJsonObject &regionEncryption, int lun) {
    if (lun < 0)
        return regionEncryption.value(QLatin1String("osDiskImage"))
            .toObject()
            .value(QLatin1String("diskEncryptionSetId"))
            .toString();
    for (const auto &d : regionEncryption.value(QLatin1String("dataDiskImages")).toArray()) {
        if (d.toObject().value(QLatin1String("lun")).toInt(-1) == lun)
            return d.toObject().value(QLatin1String("diskEncryptionSetId")).toString();
    }
    return QString();
}

namespace {

// ---- admin account rules, read from the Compute documentation (independently of models/) --------------

const QStringList &reservedUserNames() {
    static const QStringList names = {QStringLiteral("administrator"),
                                      QStringLiteral("admin"),
                                      QStringLiteral("user"),
                                      QStringLiteral("user1"),
                                      QStringLiteral("test"),
                                      QStringLiteral("user2"),
                                      QStringLiteral("test1"),
                                      QStringLiteral("user3"),
                                      QStringLiteral("admin1"),
                                      QStringLiteral("1"),
                                      QStringLiteral("123"),
                                      QStringLiteral("a"),
                                      QStringLiteral("actuser"),
                                      QStringLiteral("adm"),
                                      QStringLiteral("admin2"),
                                      QStringLiteral("aspnet"),
                                      QStringLiteral("backup"),
                                      QStringLiteral("console"),
                                      QStringLiteral("david"),
                                      QStringLiteral("guest"),
                                      QStringLiteral("john"),
                                      QStringLiteral("owner"),
                                      QStringLiteral("root"),
                                      QStringLiteral("server"),
                                      QStringLiteral("sql"),
                                      QStringLiteral("support"),
                                      QStringLiteral("support_388945a0"),
                                      QStringLiteral("sys"),
                                      QStringLiteral("test2"),
                                      QStringLiteral("test3"),
                                      QStringLiteral("user4"),
                                      QStringLiteral("user5")};
    return names;
}

bool adminUserNameAllowed(const QString &name, bool windows) {
    if (name.isEmpty() || reservedUserNames().contains(name, Qt::CaseInsensitive))
        return false;
    if (windows) {
        static const QRegularExpression forbidden(QStringLiteral("[\"/\\\\\\[\\]:|<>+=;,?*@]"));
        return name.size() <= 20 && !name.endsWith(QLatin1Char('.')) && !forbidden.match(name).hasMatch();
    }
    static const QRegularExpression linuxUser(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return name.size() <= 64 && linuxUser.match(name).hasMatch();
}

bool passwordAllowed(const QString &password, bool windows) {
    const int min = windows ? 8 : 6;
    const int max = windows ? 123 : 72;
    if (password.size() < min || password.size() > max)
        return false;
    static const QStringList disallowed = {QStringLiteral("abc@123"),    QStringLiteral("P@$$w0rd"),
                                           QStringLiteral("P@ssw0rd"),   QStringLiteral("P@ssword123"),
                                           QStringLiteral("Pa$$word"),   QStringLiteral("pass@word1"),
                                           QStringLiteral("Password!"),  QStringLiteral("Password1"),
                                           QStringLiteral("Password22"), QStringLiteral("iloveyou!")};
    if (disallowed.contains(password))
        return false;
    bool upper = false, lower = false, digit = false, special = false;
    for (const QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return false;
        if (c.isUpper())
            upper = true;
        else if (c.isLower())
            lower = true;
        else if (c.isDigit())
            digit = true;
        else
            special = true;
    }
    return int(upper) + int(lower) + int(digit) + int(special) >= 3;
}

/// An OpenSSH public key line whose base64 blob starts with its own algorithm name.
bool sshKeyValid(const QString &keyData) {
    const QStringList parts = keyData.trimmed().split(QRegularExpression(QStringLiteral("\\s+")));
    if (parts.size() < 2)
        return false;
    static const QStringList algorithms = {
        QStringLiteral("ssh-rsa"), QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
        QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521")};
    if (!algorithms.contains(parts.at(0)))
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(parts.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < 4)
        return false;
    const QByteArray blob = decoded.decoded;
    const quint32 length = (quint32(quint8(blob[0])) << 24) | (quint32(quint8(blob[1])) << 16) |
                           (quint32(quint8(blob[2])) << 8) | quint32(quint8(blob[3]));
    return length == quint32(parts.at(0).size()) && blob.mid(4, int(length)) == parts.at(0).toLatin1();
}

bool computerNameAllowed(const QString &name, bool windows) {
    if (windows) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
        static const QRegularExpression forbidden(
            QStringLiteral("[`~!@#$%^&*()=+_\\[\\]{}\\\\|;:.'\",<>/?\\s]"));
        return !name.isEmpty() && name.size() <= 15 && !digits.match(name).hasMatch() &&
               !forbidden.match(name).hasMatch();
    }
    static const QRegularExpression host(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    return name.size() <= 64 && host.match(name).hasMatch();
}

/// Compute's answer to a password its rules refuse, with the length limits of the OS.
QString passwordRules(bool windows) {
    return QCoreApplication::translate(
               "armsandbox",
               "The supplied password must be between %1-%2 characters long and must satisfy at least 3 of "
               "password complexity requirements from the following: 1) Contains an uppercase character 2) "
               "Contains a lowercase character 3) Contains a numeric digit 4) Contains a special character "
               "5) "
               "Control characters are not allowed")
        .arg(windows ? 8 : 6)
        .arg(windows ? 123 : 72);
}

QString computerNameRules(bool windows) {
    return windows
               ? QCoreApplication::translate("armsandbox",
                                             "Windows computer name cannot be more than 15 characters long, "
                                             "be entirely numeric, or contain the following characters: ` ~ "
                                             "! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : . ' \" , < > / ?.")
               : QCoreApplication::translate(
                     "armsandbox",
                     "Linux host name cannot exceed 64 characters in length or contain the following "
                     "characters: ` ~ ! @ # $ % ^ & * ( ) = + _ [ ] { } \\ | ; : ' \" , < > / ?.");
}

ApiResponse noLinuxAuthentication() {
    return invalidParameter(QCoreApplication::translate("armsandbox",
                                                        "Authentication using either SSH or by user name and "
                                                        "password must be enabled in Linux profile."),
                            QStringLiteral("properties.osProfile.linuxConfiguration"));
}

/// The storageAccountType of a managed disk (`target`: the disk's JSON path), when it is given.
std::optional<ApiResponse> checkDiskStorageType(const QJsonObject &disk, const QString &target) {
    static const QStringList allowed = {QStringLiteral("Standard_LRS"), QStringLiteral("StandardSSD_LRS"),
                                        QStringLiteral("Premium_LRS"), QStringLiteral("StandardSSD_ZRS"),
                                        QStringLiteral("Premium_ZRS")};
    const QJsonValue type = valueAt(disk, {"managedDisk", "storageAccountType"});
    if (type.isUndefined() || allowed.contains(type.toString()))
        return std::nullopt;
    return invalidParameter(
        QCoreApplication::translate("armsandbox", "The value '%1' of parameter 'storageAccountType' is not "
                                                  "supported. Supported values are %2.")
            .arg(type.toString(), allowed.join(QLatin1String(", "))),
        target + QStringLiteral(".managedDisk.storageAccountType"));
}

/// The disk encryption set a disk of the body names.
QString desOfDisk(const QJsonObject &disk) {
    return valueAt(disk, {"managedDisk", "diskEncryptionSet", "id"}).toString();
}

} // namespace

VirtualMachineCheck::VirtualMachineCheck(ArmStore &store, const QStringList &segments)
    : m_store(store)
    , m_subscriptionId(segments.at(1))
    , m_vmId(QLatin1Char('/') + segments.join(QLatin1Char('/')))
    , m_vmName(segments.last()) {}

std::optional<ApiResponse> VirtualMachineCheck::validate(const QJsonObject &body) {
    if (auto bad = checkLocation(m_store, body, QStringLiteral("Microsoft.Compute/virtualMachines")))
        return bad;
    m_location = body.value(QLatin1String("location")).toString();
    const QJsonObject properties = body.value(QLatin1String("properties")).toObject();
    const QJsonObject storage = properties.value(QLatin1String("storageProfile")).toObject();
    const QJsonObject osDisk = storage.value(QLatin1String("osDisk")).toObject();
    if (auto bad = checkSize(properties))
        return bad;
    if (auto bad = checkImage(storage))
        return bad;
    if (auto bad = checkOsDisk(osDisk))
        return bad;
    if (auto bad = checkAdminAccount(properties))
        return bad;
    if (auto bad = checkNetworkInterfaces(properties))
        return bad;
    // Disk encryption sets: exist, in the VM's subscription and region, one encryption type.
    DesChecker desChecker(m_store, DesChecker::Encrypting::VirtualMachine, m_subscriptionId, m_location);
    const QString osDes = desOfDisk(osDisk);
    if (!osDes.isEmpty()) {
        if (auto bad = desChecker.check(
                osDes, QStringLiteral("properties.storageProfile.osDisk.managedDisk.diskEncryptionSet.id")))
            return bad;
    }
    if (auto bad = checkDataDisks(storage.value(QLatin1String("dataDisks")).toArray(), desChecker))
        return bad;
    return checkImageDes(!osDes.isEmpty(), desChecker);
}

std::optional<ApiResponse> VirtualMachineCheck::checkSize(const QJsonObject &properties) {
    const QString vmSize = valueAt(properties, {"hardwareProfile", "vmSize"}).toString();
    const std::optional<VmSize> size = vmSizeIn(m_location, vmSize);
    if (size) {
        m_maxDataDisks = size->maxDataDisks;
        return std::nullopt;
    }
    if (vmSize.isEmpty())
        return missingParameter(QStringLiteral("hardwareProfile.vmSize"),
                                QStringLiteral("properties.hardwareProfile.vmSize"));
    return invalidParameter(QCoreApplication::translate(
                                "armsandbox", "The requested VM size %1 is not available in location '%2'.")
                                .arg(vmSize, m_location),
                            QStringLiteral("properties.hardwareProfile.vmSize"),
                            QStringLiteral("SkuNotAvailable"));
}

ApiResponse VirtualMachineCheck::imageNotReplicated() const {
    const QString message =
        QCoreApplication::translate(
            "armsandbox", "The gallery image %1 is not available in %2 region. Please contact image owner "
                          "to replicate to this region, or change your requested region.")
            .arg(m_imageId, m_location);
    return armError(404, QStringLiteral("GalleryImageNotFound"), message,
                    QStringLiteral("properties.storageProfile.imageReference.id"));
}

std::optional<ApiResponse> VirtualMachineCheck::checkImage(const QJsonObject &storage) {
    // A gallery image version, replicated to the VM's region.
    m_imageId = valueAt(storage, {"imageReference", "id"}).toString();
    const QString imageTarget = QStringLiteral("properties.storageProfile.imageReference.id");
    if (m_imageId.isEmpty())
        return missingParameter(QStringLiteral("imageReference.id"), imageTarget);
    if (resourceTypeOfId(canonicalId(m_imageId)) !=
        QLatin1String("microsoft.compute/galleries/images/versions")) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox",
                "'%1' is not the id of a gallery image version (…/galleries/G/images/D/versions/V).")
                .arg(m_imageId),
            imageTarget);
    }
    m_imageVersion = m_store.resource(m_imageId);
    if (m_imageVersion.isEmpty())
        return imageNotReplicated();
    const QJsonObject versionProperties = m_imageVersion.value(QLatin1String("properties")).toObject();
    const QString versionState = versionProperties.value(QLatin1String("provisioningState")).toString();
    if (!versionState.isEmpty() && versionState != QLatin1String("Succeeded")) {
        return armError(
            409, QStringLiteral("OperationNotAllowed"),
            QCoreApplication::translate(
                "armsandbox", "The gallery image version %1 cannot be used: its provisioning state is %2.")
                .arg(m_imageId, versionState),
            imageTarget);
    }
    bool replicated = false;
    for (const auto &t : valueAt(versionProperties, {"publishingProfile", "targetRegions"}).toArray()) {
        if (normalizeRegion(t.toObject().value(QLatin1String("name")).toString()) ==
            normalizeRegion(m_location)) {
            replicated = true;
            m_regionEncryption = t.toObject().value(QLatin1String("encryption")).toObject();
        }
    }
    if (!replicated)
        return imageNotReplicated();
    for (const auto &d : valueAt(versionProperties, {"storageProfile", "dataDiskImages"}).toArray())
        m_imageLuns.insert(d.toObject().value(QLatin1String("lun")).toInt(-1));
    m_definition = m_store.resource(m_imageId.section(QLatin1Char('/'), 0, -3));
    const QJsonObject definitionProperties = m_definition.value(QLatin1String("properties")).toObject();
    m_windows = definitionProperties.value(QLatin1String("osType")).toString() == QLatin1String("Windows");
    m_specialized =
        definitionProperties.value(QLatin1String("osState")).toString() == QLatin1String("Specialized");
    return std::nullopt;
}

std::optional<ApiResponse> VirtualMachineCheck::checkOsDisk(const QJsonObject &osDisk) const {
    const QString osCreate = osDisk.value(QLatin1String("createOption")).toString();
    if (osCreate.compare(QLatin1String("FromImage"), Qt::CaseInsensitive) != 0) {
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The value '%1' of parameter 'osDisk.createOption' is not allowed with an "
                              "image reference; use FromImage.")
                .arg(osCreate),
            QStringLiteral("properties.storageProfile.osDisk.createOption"));
    }
    const QString osTarget = QStringLiteral("properties.storageProfile.osDisk");
    if (auto bad = checkDiskStorageType(osDisk, osTarget))
        return bad;
    if (!osDisk.contains(QLatin1String("diskSizeGB")))
        return std::nullopt;
    const int requested = osDisk.value(QLatin1String("diskSizeGB")).toInt(-1);
    const int imageSize =
        valueAt(m_imageVersion, {"properties", "storageProfile", "osDiskImage", "sizeInGB"}).toInt(0);
    if (requested < 1 || requested > 4095)
        return invalidParameter(
            QCoreApplication::translate(
                "armsandbox", "The disk size %1 GB is out of range. It must be between 1 and 4095 GB.")
                .arg(osDisk.value(QLatin1String("diskSizeGB")).toVariant().toString()),
            osTarget + QStringLiteral(".diskSizeGB"));
    if (requested < imageSize)
        return armError(
            409, QStringLiteral("ResizeDiskError"),
            QCoreApplication::translate(
                "armsandbox",
                "Disk size %1 GB is smaller than the size of the corresponding disk in the VM image: "
                "%2 GB. This is not allowed. Please choose equal or greater size or do not specify an "
                "explicit size.")
                .arg(requested)
                .arg(imageSize),
            osTarget + QStringLiteral(".diskSizeGB"));
    return std::nullopt;
}

std::optional<ApiResponse> VirtualMachineCheck::checkAdminAccount(const QJsonObject &properties) const {
    // Generalized images need an admin account, specialized ones already have theirs.
    const QJsonObject osProfile = properties.value(QLatin1String("osProfile")).toObject();
    if (m_specialized) {
        if (!properties.contains(QLatin1String("osProfile")))
            return std::nullopt;
        return invalidParameter(
            QCoreApplication::translate("armsandbox",
                                        "Parameter 'osProfile' is not allowed with a specialized image."),
            QStringLiteral("properties.osProfile"));
    }
    if (osProfile.isEmpty())
        return missingParameter(QStringLiteral("osProfile"), QStringLiteral("properties.osProfile"));
    const QString computerName = osProfile.value(QLatin1String("computerName")).toString(m_vmName);
    if (!computerNameAllowed(computerName, m_windows))
        return invalidParameter(computerNameRules(m_windows),
                                QStringLiteral("properties.osProfile.computerName"));
    const QString user = osProfile.value(QLatin1String("adminUsername")).toString();
    if (user.isEmpty())
        return missingParameter(QStringLiteral("adminUsername"),
                                QStringLiteral("properties.osProfile.adminUsername"));
    if (!adminUserNameAllowed(user, m_windows))
        return invalidParameter(
            QCoreApplication::translate("armsandbox", "The Admin Username specified is not allowed."),
            QStringLiteral("properties.osProfile.adminUsername"));
    const bool hasPassword = osProfile.contains(QLatin1String("adminPassword"));
    const QString password = osProfile.value(QLatin1String("adminPassword")).toString();
    const QJsonArray keys = valueAt(osProfile, {"linuxConfiguration", "ssh", "publicKeys"}).toArray();
    if (!m_windows && keys.isEmpty() && !hasPassword)
        return noLinuxAuthentication();
    if ((m_windows || hasPassword) && !passwordAllowed(password, m_windows))
        return invalidParameter(passwordRules(m_windows),
                                QStringLiteral("properties.osProfile.adminPassword"));
    if (m_windows)
        return std::nullopt;
    return checkLinuxAuthentication(osProfile, user);
}

std::optional<ApiResponse> VirtualMachineCheck::checkLinuxAuthentication(const QJsonObject &osProfile,
                                                                         const QString &user) const {
    const QJsonObject linuxConfiguration = osProfile.value(QLatin1String("linuxConfiguration")).toObject();
    const QJsonArray keys = valueAt(linuxConfiguration, {"ssh", "publicKeys"}).toArray();
    if (linuxConfiguration.value(QLatin1String("disablePasswordAuthentication")).toBool() && keys.isEmpty())
        return noLinuxAuthentication();
    const QString expectedPath = QStringLiteral("/home/%1/.ssh/authorized_keys").arg(user);
    for (int i = 0; i < keys.size(); ++i) {
        const QJsonObject key = keys.at(i).toObject();
        const QString target =
            QStringLiteral("properties.osProfile.linuxConfiguration.ssh.publicKeys[%1]").arg(i);
        if (key.value(QLatin1String("path")).toString() != expectedPath) {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox", "Destination path for SSH public keys is currently limited to its default "
                                  "value %1 due to a known issue in Linux provisioning agent.")
                    .arg(expectedPath),
                target + QStringLiteral(".path"));
        }
        if (!sshKeyValid(key.value(QLatin1String("keyData")).toString())) {
            return invalidParameter(QCoreApplication::translate(
                                        "armsandbox",
                                        "The value of parameter linuxConfiguration.ssh.publicKeys.keyData is "
                                        "invalid."),
                                    target + QStringLiteral(".keyData"));
        }
    }
    return std::nullopt;
}

std::optional<ApiResponse> VirtualMachineCheck::checkNetworkInterfaces(const QJsonObject &properties) const {
    // Each one exists, is in the VM's region and is not attached to another VM.
    const QJsonArray nics = valueAt(properties, {"networkProfile", "networkInterfaces"}).toArray();
    if (nics.isEmpty())
        return missingParameter(QStringLiteral("networkProfile"),
                                QStringLiteral("properties.networkProfile"));
    for (int i = 0; i < nics.size(); ++i) {
        const QString nicId = nics.at(i).toObject().value(QLatin1String("id")).toString();
        const QString target = QStringLiteral("properties.networkProfile.networkInterfaces[%1].id").arg(i);
        const QJsonObject nic = m_store.resource(nicId);
        if (nicId.isEmpty() ||
            resourceTypeOfId(canonicalId(nicId)) != QLatin1String("microsoft.network/networkinterfaces") ||
            nic.isEmpty()) {
            return armError(
                400, QStringLiteral("NotFound"),
                QCoreApplication::translate("armsandbox", "Network interface '%1' was not found.").arg(nicId),
                target);
        }
        const QString nicLocation = nic.value(QLatin1String("location")).toString();
        if (normalizeRegion(nicLocation) != normalizeRegion(m_location)) {
            return invalidParameter(
                QCoreApplication::translate(
                    "armsandbox", "The network interface %1 is in region '%2'; it must be in the region "
                                  "of the virtual machine ('%3').")
                    .arg(nicId, nicLocation, m_location),
                target);
        }
        const QString attached = valueAt(nic, {"properties", "virtualMachine", "id"}).toString();
        if (!attached.isEmpty() && canonicalId(attached) != canonicalId(m_vmId)) {
            return armError(400, QStringLiteral("NicInUse"),
                            QCoreApplication::translate(
                                "armsandbox",
                                "Network Interface %1 is used by existing resource %2. In order to use this "
                                "network interface, the existing resource must be deleted or updated.")
                                .arg(nicId, attached),
                            target);
        }
    }
    return std::nullopt;
}

std::optional<ApiResponse> VirtualMachineCheck::checkDataDisks(const QJsonArray &dataDisks,
                                                               DesChecker &desChecker) {
    // FromImage LUNs exist in the image, no LUN twice, no more disks than the size allows.
    QSet<int> luns = m_imageLuns;
    for (int j = 0; j < dataDisks.size(); ++j) {
        const QJsonObject disk = dataDisks.at(j).toObject();
        const QString target = QStringLiteral("properties.storageProfile.dataDisks[%1]").arg(j);
        if (!disk.value(QLatin1String("lun")).isDouble())
            return missingParameter(QStringLiteral("lun"), target + QStringLiteral(".lun"));
        const int lun = disk.value(QLatin1String("lun")).toInt();
        if (lun < 0 || lun > 63)
            return invalidParameter(
                QCoreApplication::translate("armsandbox",
                                            "The LUN %1 is out of range. It must be between 0 and 63.")
                    .arg(lun),
                target + QStringLiteral(".lun"));
        if (m_listedLuns.contains(lun))
            return invalidParameter(
                QCoreApplication::translate("armsandbox", "LUN %1 appears more than once in the data disks.")
                    .arg(lun),
                target + QStringLiteral(".lun"));
        m_listedLuns.insert(lun);
        if (auto bad = checkDataDiskCreation(disk, lun, target))
            return bad;
        if (auto bad = checkDiskStorageType(disk, target))
            return bad;
        luns.insert(lun);
        const QString des = desOfDisk(disk);
        if (!des.isEmpty()) {
            if (auto bad =
                    desChecker.check(des, target + QStringLiteral(".managedDisk.diskEncryptionSet.id")))
                return bad;
        }
    }
    if (luns.size() <= m_maxDataDisks)
        return std::nullopt;
    return armError(409, QStringLiteral("OperationNotAllowed"),
                    QCoreApplication::translate(
                        "armsandbox",
                        "The maximum number of data disks allowed to be attached to a VM of this size is %1.")
                        .arg(m_maxDataDisks),
                    QStringLiteral("properties.storageProfile.dataDisks"));
}

std::optional<ApiResponse> VirtualMachineCheck::checkDataDiskCreation(const QJsonObject &disk, int lun,
                                                                      const QString &target) const {
    const QString create = disk.value(QLatin1String("createOption")).toString();
    if (create.compare(QLatin1String("FromImage"), Qt::CaseInsensitive) == 0) {
        if (m_imageLuns.contains(lun))
            return std::nullopt;
        return invalidParameter(QCoreApplication::translate(
                                    "armsandbox",
                                    "The data disk with LUN %1 does not exist in the image %2; createOption "
                                    "FromImage needs a data disk image with that LUN.")
                                    .arg(lun)
                                    .arg(m_imageId),
                                target + QStringLiteral(".lun"));
    }
    if (create.compare(QLatin1String("Empty"), Qt::CaseInsensitive) == 0) {
        if (m_imageLuns.contains(lun))
            return invalidParameter(QCoreApplication::translate(
                                        "armsandbox", "LUN %1 is already used by a data disk of the image.")
                                        .arg(lun),
                                    target + QStringLiteral(".lun"));
        if (disk.value(QLatin1String("diskSizeGB")).toInt() < 1)
            return missingParameter(QStringLiteral("diskSizeGB"), target + QStringLiteral(".diskSizeGB"));
        return std::nullopt;
    }
    return invalidParameter(QCoreApplication::translate(
                                "armsandbox", "The value '%1' of parameter 'createOption' is not supported "
                                              "for data disks here; use FromImage or Empty.")
                                .arg(create),
                            target + QStringLiteral(".createOption"));
}

std::optional<ApiResponse> VirtualMachineCheck::checkImageDes(bool osDiskHasDes,
                                                              DesChecker &desChecker) const {
    // What the body leaves out is created from the image with the image's own disk encryption set for this
    // region: the same rules apply to it (subscription, region, one encryption type).
    QList<int> omitted;
    if (!osDiskHasDes)
        omitted << -1;
    QList<int> sortedImageLuns = m_imageLuns.values();
    std::sort(sortedImageLuns.begin(), sortedImageLuns.end());
    for (int lun : sortedImageLuns) {
        if (!m_listedLuns.contains(lun))
            omitted << lun;
    }
    for (int lun : omitted) {
        const QString des = vmImageDesIn(m_regionEncryption, lun);
        if (des.isEmpty())
            continue;
        const QString target = lun < 0 ? QStringLiteral("properties.storageProfile.osDisk.managedDisk")
                                       : QStringLiteral("properties.storageProfile.dataDisks");
        const std::optional<ApiResponse> bad = desChecker.check(des, target);
        if (!bad)
            continue;
        const QString why = valueAt(bad->body, {"error", "message"}).toString();
        return invalidParameter(
            lun < 0
                ? QCoreApplication::translate(
                      "armsandbox", "The OS disk names no disk encryption set, so it would be "
                                    "encrypted with the image's disk encryption set in region '%1': %2")
                      .arg(m_location, why)
                : QCoreApplication::translate("armsandbox", "The image's data disk with LUN %1 is not listed "
                                                            "in 'dataDisks', so it would be created "
                                                            "with the image's disk encryption set in region "
                                                            "'%2': %3 List the data disk with a disk "
                                                            "encryption set the virtual machine can use.")
                      .arg(lun)
                      .arg(m_location, why),
            target);
    }
    return std::nullopt;
}

} // namespace armsandbox
