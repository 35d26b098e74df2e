#include "arm/armerror.h"

#include <nlohmann/json.hpp>

namespace cmk {

namespace {

QString stringField(const nlohmann::json &object, const char *key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

// Parses one {code,message,target,details} object; nesting is bounded so a hostile body cannot blow the
// stack.
ArmErrorDetail parseDetail(const nlohmann::json &object, int depth) {
    ArmErrorDetail detail;
    if (!object.is_object())
        return detail;
    detail.code = stringField(object, "code");
    detail.message = stringField(object, "message");
    detail.target = stringField(object, "target");
    const auto details = object.find("details");
    if (depth < 8 && details != object.end() && details->is_array()) {
        for (const nlohmann::json &child : *details) {
            if (child.is_object())
                detail.details.append(parseDetail(child, depth + 1));
        }
    }
    return detail;
}

bool looksLikeErrorObject(const nlohmann::json &object) {
    return object.is_object() && (object.contains("code") || object.contains("message")) &&
           (!object.contains("code") || object["code"].is_string()) &&
           (!object.contains("message") || object["message"].is_string());
}

// A short, printable excerpt of a non-JSON body (an HTML page from a proxy, a truncated answer...).
QString bodyExcerpt(const QByteArray &body) {
    QString text = QString::fromUtf8(body.left(300)).simplified();
    if (body.size() > 300)
        text += QStringLiteral("…");
    return text;
}

void appendDetails(QStringList &parts, const QList<ArmErrorDetail> &details, int depth) {
    for (const ArmErrorDetail &detail : details) {
        if (!detail.code.isEmpty() && !detail.message.isEmpty())
            parts << ArmError::tr("%1: %2").arg(detail.code, detail.message);
        else if (!detail.message.isEmpty())
            parts << detail.message;
        else if (!detail.code.isEmpty())
            parts << detail.code;
        if (depth < 3)
            appendDetails(parts, detail.details, depth + 1);
    }
}

} // namespace

ArmError ArmError::fromHttpResponse(int httpStatus, const QByteArray &body, const QString &requestId,
                                    const QString &correlationRequestId) {
    ArmError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    error.correlationRequestId = correlationRequestId;
    if (body.trimmed().isEmpty())
        return error;
    const nlohmann::json parsed = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        // Not ARM's shape (gateway page, truncated body): keep the status, show what came.
        error.message = bodyExcerpt(body);
        return error;
    }
    const nlohmann::json *object = nullptr;
    const auto wrapped = parsed.find("error");
    if (wrapped != parsed.end() && wrapped->is_object())
        object = &*wrapped;
    else if (looksLikeErrorObject(parsed))
        object = &parsed;
    if (!object) {
        error.message = bodyExcerpt(body);
        return error;
    }
    const ArmErrorDetail top = parseDetail(*object, 0);
    error.code = top.code;
    error.message = top.message;
    error.target = top.target;
    error.details = top.details;
    return error;
}

ArmError ArmError::make(Kind kind, const QString &message, const QString &code) {
    ArmError error;
    error.kind = kind;
    error.message = message;
    error.code = code;
    return error;
}

QString ArmError::toDisplayString() const {
    if (!isError())
        return {};
    QString text;
    if (!code.isEmpty() && !message.isEmpty())
        text = tr("%1: %2").arg(code, message);
    else if (!code.isEmpty())
        text = code;
    else if (!message.isEmpty())
        text = message;

    switch (kind) {
    case Kind::Http:
        if (code.isEmpty())
            text = text.isEmpty()
                       ? tr("The server answered with HTTP status %1.").arg(httpStatus)
                       : tr("The server answered with HTTP status %1: %2").arg(httpStatus).arg(text);
        break;
    case Kind::Network:
        text = text.isEmpty() ? tr("Network error.") : tr("Network error: %1").arg(text);
        break;
    case Kind::Timeout:
        text = text.isEmpty() ? tr("The server did not answer in time.")
                              : tr("The server did not answer in time: %1").arg(text);
        break;
    case Kind::MalformedResponse:
        text = httpStatus
                   ? tr("Unexpected response from the server (HTTP status %1): %2").arg(httpStatus).arg(text)
                   : tr("Unexpected response from the server: %1").arg(text);
        break;
    case Kind::OperationFailed:
        text = text.isEmpty() ? tr("The operation failed.") : tr("The operation failed: %1").arg(text);
        break;
    case Kind::OperationCanceled:
        text = text.isEmpty() ? tr("The operation was canceled.")
                              : tr("The operation was canceled: %1").arg(text);
        break;
    case Kind::Aborted:
        text = tr("The request was cancelled.");
        break;
    case Kind::InvalidInput:
        text = text.isEmpty() ? tr("Invalid input.") : tr("Invalid input: %1").arg(text);
        break;
    case Kind::Authentication:
        text = text.isEmpty() ? tr("Authentication failed: sign in again.")
                              : tr("Authentication failed: %1").arg(text);
        break;
    case Kind::None:
        break;
    }

    if (!target.isEmpty())
        text = tr("%1 (target: %2)").arg(text, target);
    QStringList detailParts;
    appendDetails(detailParts, details, 0);
    if (!detailParts.isEmpty())
        text = tr("%1 Details: %2").arg(text, detailParts.join(QStringLiteral("; ")));
    const QString explanation = explanationForCode(code);
    if (!explanation.isEmpty())
        text = tr("%1 — %2").arg(text, explanation);
    if (!requestId.isEmpty())
        text = tr("%1 [request id: %2]").arg(text, requestId);
    else if (!correlationRequestId.isEmpty())
        //: No answer came back (connection reset, timeout): the id the client sent is all support can use
        text = tr("%1 [correlation id: %2]").arg(text, correlationRequestId);
    return text;
}

QString ArmError::explanationForCode(const QString &code) {
    const QString c = code.toLower();
    if (c == QLatin1String("invalidparameter"))
        return tr("A value sent to Azure was refused; check the field named in the message.");
    if (c == QLatin1String("resourcenotfound") || c == QLatin1String("notfound") ||
        c == QLatin1String("resourcegroupnotfound") || c == QLatin1String("parentresourcenotfound"))
        return tr("The resource does not exist, or you cannot see it with this account.");
    if (c == QLatin1String("authorizationfailed") || c == QLatin1String("linkedauthorizationfailed"))
        return tr(
            "Your account lacks the permission for this action; ask an owner of the subscription for a role "
            "that grants it.");
    if (c == QLatin1String("featurenotregistered"))
        return tr("A preview feature required for this operation is not registered on the subscription.");
    if (c == QLatin1String("subscriptionnotregistered") ||
        c == QLatin1String("missingsubscriptionregistration"))
        return tr("The resource provider is not registered on the subscription; register it and try again.");
    if (c == QLatin1String("invalidauthenticationtoken") ||
        c == QLatin1String("invalidauthenticationtokenaudience") ||
        c == QLatin1String("invalidauthenticationtokentenant"))
        return tr("The sign-in token was refused; sign in again, to the tenant of this subscription.");
    if (c == QLatin1String("expiredauthenticationtoken"))
        return tr("The sign-in has expired; sign in again.");
    if (c == QLatin1String("requestdisallowedbypolicy"))
        return tr("An Azure Policy assignment forbids this request; ask the policy owner for an exemption.");
    if (c == QLatin1String("quotaexceeded"))
        return tr(
            "A quota of the subscription would be exceeded; request an increase or use fewer resources.");
    if (c == QLatin1String("operationnotallowed"))
        return tr(
            "Azure does not allow this operation with these settings or in the resource's current state.");
    if (c == QLatin1String("conflict") || c == QLatin1String("anotheroperationinprogress"))
        return tr("Another operation is changing this resource; wait for it to finish and try again.");
    if (c == QLatin1String("toomanyrequests"))
        return tr("Azure is throttling requests; wait a moment and try again.");
    if (c == QLatin1String("keyvaultaccessforbidden") || c == QLatin1String("keyvaultkeynotfound"))
        return tr("The disk encryption set cannot use its key; check the key vault's access policy and key.");
    return {};
}

} // namespace cmk
