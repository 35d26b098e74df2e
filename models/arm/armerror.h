#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cmk {

/// One entry of ARM's error.details[] (recursive, as the service nests them).
struct ArmErrorDetail {
    QString code;
    QString message;
    QString target;
    QList<ArmErrorDetail> details;
};

/// Every failure the REST layer reports: an ARM error response, a transport failure, a malformed body,
/// an operation that ended Failed/Canceled, or input rejected before anything was sent.
/// Support staff need the request ids, so they travel with the error.
class ArmError
{
    Q_DECLARE_TR_FUNCTIONS(ArmError)
public:
    enum class Kind {
        None,              ///< no error
        Http,              ///< the server answered with an error status (ARM error body parsed when present)
        Network,           ///< connection refused/reset, DNS, TLS...
        Timeout,           ///< no answer within the client's timeout
        MalformedResponse, ///< the body is not the JSON the API promises
        OperationFailed,   ///< a long-running operation ended Failed
        OperationCanceled, ///< a long-running operation ended Canceled (server side)
        Aborted,           ///< the caller cancelled the request
        InvalidInput,      ///< rejected before sending (bad resource name, bad URL...)
        Authentication,    ///< no token, or 401 after one refresh
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;    ///< ARM error code, e.g. "InvalidParameter"
    QString message; ///< as the server wrote it (never translated)
    QString target;
    QList<ArmErrorDetail> details;
    QString requestId;            ///< x-ms-request-id
    QString correlationRequestId; ///< x-ms-correlation-request-id

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    /// Parses ARM's {"error":{code,message,target,details}} (also the bare {code,message} that some
    /// operation-status bodies carry). A body that is not JSON still yields an Http error with the status.
    static ArmError fromHttpResponse(int httpStatus, const QByteArray &body, const QString &requestId = {},
                                     const QString &correlationRequestId = {});
    static ArmError make(Kind kind, const QString &message, const QString &code = {});

    /// One line for a user: "Code: message (target) [request id]" plus a translated explanation for
    /// well-known codes.
    QString toDisplayString() const;
    /// Translated explanation of a known error code, empty when unknown.
    static QString explanationForCode(const QString &code);
};

} // namespace cmk
