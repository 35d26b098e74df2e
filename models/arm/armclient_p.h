#pragma once

// ArmClient's insides, shared by its pieces (armclient.cpp, armpager.cpp, armoperation.cpp). Not an API.

#include "arm/armbodyparser.h"
#include "arm/armclient.h"
#include "arm/armclientconfig.h"
#include "arm/armpipeline.h"

namespace cmk {

class ArmClientPrivate {
public:
    explicit ArmClientPrivate(ArmClient *client);

    /// Sends one request through the pipeline; the reply is a child of the client.
    ArmReply *send(const QByteArray &method, const QUrl &url, const QByteArray &body = {});
    /// The same for a list or an operation (`owner`): `onFinished` gets the reply when it finishes, unless
    /// the owner is gone by then, and the reply is deleted after.
    ArmReply *sendFor(QObject *owner, const QByteArray &method, const QUrl &url, const QByteArray &body,
                      std::function<void(ArmReply *)> onFinished);
    /// A reply that fails with `error` from the event loop, so the caller can connect to finished() first.
    ArmReply *failedReply(const ArmError &error);
    /// The absolute URL of a nextLink or a polling header, with an api-version when it carries none, or an
    /// error when it leaves the endpoint.
    QUrl followableUrl(const QByteArray &value, ArmError *error) const;

    ArmClient *q;
    ArmClientConfig config;
    QNetworkAccessManager *network;
    ArmPipeline pipeline;
    ArmBodyParser parser; ///< large bodies; declared last so it is destroyed (and waited for) first
};

} // namespace cmk
