#include "arm/descheck.h"

#include "arm/armstore.h"

#include <QCoreApplication>

namespace armsandbox {

namespace {

const QString kDesCheckedType = QStringLiteral("microsoft.compute/diskencryptionsets");

ApiResponse invalidDesParameter(const QString &message, const QString &target) {
    return armError(400, QStringLiteral("InvalidParameter"), message, target);
}

QString subscriptionOf(const QString &canonical) {
    const QStringList segments = canonical.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return segments.size() >= 2 && segments.first() == QLatin1String("subscriptions") ? segments.at(1)
                                                                                      : QString();
}

} // namespace

DesChecker::DesChecker(const ArmStore &store, Encrypting what, const QString &subscriptionId,
                       const QString &region)
    : m_store(store)
    , m_what(what)
    , m_subscriptionId(subscriptionId)
    , m_region(region) {}

std::optional<ApiResponse> DesChecker::check(const QString &desId, const QString &target) {
    const bool vm = m_what == Encrypting::VirtualMachine;
    const QString key = canonicalId(desId);
    if (resourceTypeOfId(key) != kDesCheckedType) {
        return invalidDesParameter(
            QCoreApplication::translate("armsandbox", "'%1' is not a valid disk encryption set resource id.")
                .arg(desId),
            target);
    }
    const QString desSubscription = subscriptionOf(key);
    if (desSubscription.compare(m_subscriptionId, Qt::CaseInsensitive) != 0) {
        return invalidDesParameter(
            (vm ? QCoreApplication::translate(
                      "armsandbox", "The disk encryption set '%1' is in subscription '%2'; it must be in the "
                                    "subscription of the virtual machine ('%3').")
                : QCoreApplication::translate(
                      "armsandbox", "The disk encryption set '%1' is in subscription '%2'; it must be in the "
                                    "subscription of the gallery image version ('%3')."))
                .arg(desId, desSubscription, m_subscriptionId),
            target);
    }
    const QJsonObject des = m_store.resource(key);
    if (des.isEmpty()) {
        return invalidDesParameter(
            QCoreApplication::translate("armsandbox", "The disk encryption set '%1' was not found.")
                .arg(desId),
            target);
    }
    const QString desLocation = des.value(QLatin1String("location")).toString();
    if (normalizeRegion(desLocation) != normalizeRegion(m_region)) {
        return invalidDesParameter(
            (vm ? QCoreApplication::translate(
                      "armsandbox",
                      "The disk encryption set '%1' is in region '%2' but the virtual machine is "
                      "in region '%3'. A disk encryption set must be in the region of the disks "
                      "it encrypts.")
                : QCoreApplication::translate(
                      "armsandbox", "The disk encryption set '%1' is in region '%2' but is used for target "
                                    "region '%3'. A disk encryption set must be in the region it encrypts."))
                .arg(desId, desLocation, m_region),
            target);
    }
    const QString type =
        des.value(QLatin1String("properties")).toObject().value(QLatin1String("encryptionType")).toString();
    if (m_encryptionType.isEmpty()) {
        m_encryptionType = type;
        m_firstDesId = desId;
        return std::nullopt;
    }
    if (type == m_encryptionType)
        return std::nullopt;
    if (vm) {
        return invalidDesParameter(
            QCoreApplication::translate("armsandbox",
                                        "All disk encryption sets of a virtual machine must have the "
                                        "same encryption type: '%1' uses %2 but '%3' uses %4.")
                .arg(desId, type, m_firstDesId, m_encryptionType),
            target);
    }
    return invalidDesParameter(
        QCoreApplication::translate("armsandbox",
                                    "All disk encryption sets of target region '%1' must have the same "
                                    "encryption type: '%2' uses %3 but '%4' uses %5.")
            .arg(m_region, desId, type, m_firstDesId, m_encryptionType),
        target);
}

} // namespace armsandbox
