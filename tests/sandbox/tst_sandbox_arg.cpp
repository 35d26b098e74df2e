// armsandbox's Azure Resource Graph with a plain HTTP client: the KQL subset operator by operator, the
// answer's shape and paging, ARG's quota window, subscription scoping, api-versions, and the ways to make ARG
// unavailable (--no-resource-graph, faults).

#include "support/sandboxhttp.h"

#include <QRegularExpression>
#include <QtTest>

using namespace sandboxtest;

namespace {

const QString DesType = QStringLiteral("microsoft.compute/diskencryptionsets");
const QString WhereDes = QStringLiteral("resources | where type =~ 'microsoft.compute/diskencryptionsets'");

QJsonObject graphRequest(const QString &query, const QJsonObject &options = {},
                         const QStringList &subscriptions = {kSub1}) {
    QJsonObject body{{QStringLiteral("query"), query},
                     {QStringLiteral("subscriptions"), QJsonArray::fromStringList(subscriptions)}};
    if (!options.isEmpty())
        body.insert(QStringLiteral("options"), options);
    return body;
}

QStringList column(const HttpResult &result, const QString &name) {
    QStringList values;
    for (const QJsonValue &row : result.json().value(QLatin1String("data")).toArray())
        values << row.toObject().value(name).toString();
    return values;
}

QStringList sortedNames(const HttpResult &result) {
    QStringList names = column(result, QStringLiteral("name"));
    names.sort();
    return names;
}

QString detailMessage(const HttpResult &result) {
    return result.json()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("details"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

} // namespace

class TestSandboxArg : public QObject {
    Q_OBJECT

private:
    HttpResult query(const QJsonObject &body, const QString &apiVersion = QStringLiteral("2024-04-01"),
                     const QByteArray &caller = {}) {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!caller.isEmpty())
            headers.append({"Authorization", caller});
        return m_http.call("POST",
                           armUrl(m_sandbox.baseUrl(),
                                  QStringLiteral("/providers/Microsoft.ResourceGraph/resources"), apiVersion),
                           QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    HttpResult query(const QString &text) { return query(graphRequest(text)); }
    bool restart(const armsandbox::SandboxOptions &options) {
        m_sandbox.stop();
        return m_sandbox.start(options);
    }

    armsandbox::Sandbox m_sandbox;
    Http m_http;

private Q_SLOTS:
    void init() { QVERIFY(restart({})); }

    void answersEveryPublishedApiVersion_data();
    void answersEveryPublishedApiVersion();
    void rowsHaveArgsColumns();
    void whereOperators_data();
    void whereOperators();
    void projectAndExtendNameTheirColumns();
    void orderSortTakeLimitAndTop();
    void countAndSummarize();
    void unsupportedQueryIs400NamingIt_data();
    void unsupportedQueryIs400NamingIt();
    void pagesBySkipTokenAndSkip();
    void resultWithoutIdIsTruncatedNotPaged();
    void invalidOptionsAre400();
    void quotaWindowPerCaller();
    void scopedToTheSubscriptionsAsked();
    void canBeMadeUnavailable();
    void tableFollowsArmWrites();
};

void TestSandboxArg::answersEveryPublishedApiVersion_data() {
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<int>("status");
    QTest::newRow("2024-04-01") << QStringLiteral("2024-04-01") << 200;
    QTest::newRow("2022-10-01") << QStringLiteral("2022-10-01") << 200;
    QTest::newRow("2021-03-01") << QStringLiteral("2021-03-01") << 200;
    QTest::newRow("unpublished") << QStringLiteral("2020-01-01") << 400;
}

void TestSandboxArg::answersEveryPublishedApiVersion() {
    QFETCH(QString, apiVersion);
    QFETCH(int, status);
    const HttpResult result = query(graphRequest(WhereDes), apiVersion);
    QCOMPARE(result.status, status);
    if (status == 200) {
        QCOMPARE(result.json().value(QLatin1String("count")).toInt(), 9);
        QCOMPARE(result.json().value(QLatin1String("totalRecords")).toInt(), 9);
        QCOMPARE(result.json().value(QLatin1String("resultTruncated")).toString(), QStringLiteral("false"));
        QVERIFY(!result.json().contains(QLatin1String("$skipToken")));
    } else {
        QCOMPARE(result.errorCode(), QStringLiteral("InvalidApiVersionParameter"));
    }
}

void TestSandboxArg::rowsHaveArgsColumns() {
    const HttpResult result = query(WhereDes + QStringLiteral(" | where name == 'des-weu-cmk'"));
    QCOMPARE(result.status, 200);
    const QJsonObject row = result.json().value(QLatin1String("data")).toArray().first().toObject();
    QStringList keys = row.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"id", "identity", "kind", "location", "name", "properties", "resourceGroup",
                                "sku", "subscriptionId", "tags", "tenantId", "type"}));
    QCOMPARE(row.value(QLatin1String("type")).toString(), DesType); // lower case, as ARG stores it
    QCOMPARE(row.value(QLatin1String("subscriptionId")).toString(), kSub1);
    QCOMPARE(row.value(QLatin1String("resourceGroup")).toString(), QStringLiteral("rg-keys-prod"));
    QCOMPARE(row.value(QLatin1String("tenantId")).toString(),
             QStringLiteral("72f988bf-86f1-41af-91ab-2d7cd011db47"));
    QCOMPARE(
        row.value(QLatin1String("properties")).toObject().value(QLatin1String("encryptionType")).toString(),
        QStringLiteral("EncryptionAtRestWithCustomerKey"));
    QCOMPARE(
        row.value(QLatin1String("id")).toString(),
        m_sandbox.resource(row.value(QLatin1String("id")).toString()).value(QLatin1String("id")).toString());
}

void TestSandboxArg::whereOperators_data() {
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("names");
    const QString des = QStringLiteral("type =~ 'microsoft.compute/diskencryptionsets' and ");
    QTest::newRow("== is case-sensitive")
        << QStringLiteral("type == 'microsoft.compute/diskencryptionsets' and location == 'westeurope'")
        << QStringList{"des-weu-cmk", "des-weu-cvm", "des-weu-double"};
    QTest::newRow("== on the ARM spelling of the type")
        << QStringLiteral("type == 'Microsoft.Compute/diskEncryptionSets'") << QStringList{};
    QTest::newRow("!=") << des + QStringLiteral("location != 'westeurope' and location != 'eastus2' and "
                                                "location != 'francecentral'")
                        << QStringList{"des-eus-double", "des-wus-cmk"};
    QTest::newRow("=~") << QStringLiteral(
                               "type =~ 'MICROSOFT.COMPUTE/DISKENCRYPTIONSETS' and name =~ 'DES-WEU-CMK'")
                        << QStringList{"des-weu-cmk"};
    QTest::newRow("!~") << QStringLiteral(
                               "type =~ 'microsoft.keyvault/vaults' and name !~ 'KV-CONTOSO-WEU' and "
                               "name !~ 'kv-contoso-frc' and name !~ 'kv-contoso-eus2'")
                        << QStringList{"kv-contoso-eus", "kv-contoso-wus"};
    QTest::newRow("in") << QStringLiteral("name in ('des-frc-cmk', 'DES-FRC-DOUBLE')")
                        << QStringList{"des-frc-cmk"};
    QTest::newRow("in~") << QStringLiteral("name in~ ('des-frc-cmk', 'DES-FRC-DOUBLE')")
                         << QStringList{"des-frc-cmk", "des-frc-double"};
    QTest::newRow("has takes whole terms")
        << des + QStringLiteral("name has 'EUS'") << QStringList{"des-eus-double"};
    QTest::newRow("contains") << des + QStringLiteral("name contains 'EU'")
                              << QStringList{"des-eus-double", "des-eus2-cmk", "des-eus2-double",
                                             "des-weu-cmk", "des-weu-cvm", "des-weu-double"};
    QTest::newRow("startswith") << QStringLiteral("type startswith 'microsoft.keyvault' and name startswith "
                                                  "'KV-CONTOSO-E'")
                                << QStringList{"kv-contoso-eus", "kv-contoso-eus2"};
    QTest::newRow("or") << QStringLiteral("name == 'des-wus-cmk' or name == 'kv-contoso-wus'")
                        << QStringList{"des-wus-cmk", "kv-contoso-wus"};
    QTest::newRow("not()") << des + QStringLiteral("not(name contains 'cmk') and location == 'eastus2'")
                           << QStringList{"des-eus2-double"};
    QTest::newRow("isempty") << QStringLiteral("type =~ 'microsoft.compute/galleries' and isempty(kind)")
                             << QStringList{"galContosoBuild", "galContosoProd"};
    QTest::newRow("isnotempty on a path")
        << QStringLiteral("isnotempty(properties.encryptionType) and location == 'francecentral'")
        << QStringList{"des-frc-cmk", "des-frc-double"};
    QTest::newRow("snapshots") << QStringLiteral("type has 'snapshots' and name has 'ubuntu'")
                               << QStringList{"snap-ubuntu-data0", "snap-ubuntu-data1", "snap-ubuntu-os"};
    QTest::newRow("a quote escaped in a string")
        << QStringLiteral("name == 'des-weu-cmk\\' or name != \\'x'") << QStringList{};
}

void TestSandboxArg::whereOperators() {
    QFETCH(QString, where);
    QFETCH(QStringList, names);
    const HttpResult result = query(QStringLiteral("resources | where ") + where);
    QVERIFY2(result.status == 200, result.body.constData());
    QCOMPARE(sortedNames(result), names);
}

void TestSandboxArg::projectAndExtendNameTheirColumns() {
    const HttpResult projected =
        query(WhereDes + QStringLiteral(" | where name == 'des-weu-double' | extend enc = "
                                        "tolower(tostring(properties.encryptionType)) | project name, "
                                        "properties.encryptionType, enc, place = location"));
    QCOMPARE(projected.status, 200);
    const QJsonObject row = projected.json().value(QLatin1String("data")).toArray().first().toObject();
    QStringList keys = row.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"enc", "name", "place", "properties_encryptionType"}));
    QCOMPARE(row.value(QLatin1String("enc")).toString(),
             QStringLiteral("encryptionatrestwithplatformandcustomerkeys"));
    QCOMPARE(row.value(QLatin1String("properties_encryptionType")).toString(),
             QStringLiteral("EncryptionAtRestWithPlatformAndCustomerKeys"));
    QCOMPARE(row.value(QLatin1String("place")).toString(), QStringLiteral("westeurope"));

    // A column made by extend can be filtered on; one that project dropped cannot be used any more.
    QCOMPARE(sortedNames(query(WhereDes + QStringLiteral(" | extend t = tostring(tags.owner) | where t == "
                                                         "'platform-team' and location == 'eastus'"))),
             QStringList{"des-eus-double"});
    const HttpResult dropped = query(WhereDes + QStringLiteral(" | project name | where location == 'x'"));
    QCOMPARE(dropped.status, 400);
    QVERIFY2(detailMessage(dropped).contains(QLatin1String("'location'")),
             qPrintable(detailMessage(dropped)));
}

void TestSandboxArg::orderSortTakeLimitAndTop() {
    const QStringList ascending = {"des-eus-double", "des-eus2-cmk", "des-eus2-double", "des-frc-cmk",
                                   "des-frc-double", "des-weu-cmk",  "des-weu-cvm",     "des-weu-double",
                                   "des-wus-cmk"};
    QCOMPARE(column(query(WhereDes + QStringLiteral(" | order by name asc")), QStringLiteral("name")),
             ascending);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(column(query(WhereDes + QStringLiteral(" | sort by name")), QStringLiteral("name")),
             descending); // KQL sorts descending by default
    QCOMPARE(column(query(WhereDes + QStringLiteral(" | order by location asc, name desc | take 3")),
                    QStringLiteral("name")),
             (QStringList{"des-eus-double", "des-eus2-double", "des-eus2-cmk"}));
    QCOMPARE(
        column(query(WhereDes + QStringLiteral(" | order by name asc | limit 2")), QStringLiteral("name")),
        ascending.mid(0, 2));
    QCOMPARE(column(query(WhereDes + QStringLiteral(" | top 2 by name desc")), QStringLiteral("name")),
             descending.mid(0, 2));
}

void TestSandboxArg::countAndSummarize() {
    const HttpResult count = query(WhereDes + QStringLiteral(" | count"));
    QCOMPARE(count.json().value(QLatin1String("data")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("Count"), 9}}}));

    const HttpResult byLocation = query(WhereDes + QStringLiteral(" | summarize count() by location"));
    QCOMPARE(byLocation.status, 200);
    QMap<QString, int> perLocation;
    for (const QJsonValue &row : byLocation.json().value(QLatin1String("data")).toArray())
        perLocation.insert(row[QLatin1String("location")].toString(), row[QLatin1String("count_")].toInt());
    const QMap<QString, int> expected{
        {"westeurope", 3}, {"francecentral", 2}, {"eastus2", 2}, {"westus", 1}, {"eastus", 1}};
    QCOMPARE(perLocation, expected);

    const HttpResult named = query(WhereDes + QStringLiteral(" | summarize n = count()"));
    QCOMPARE(named.json().value(QLatin1String("data")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("n"), 9}}}));
}

void TestSandboxArg::unsupportedQueryIs400NamingIt_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");
    QTest::newRow("join") << QStringLiteral("resources | join kind=inner (resources) on id") << "'join'";
    QTest::newRow("mv-expand") << QStringLiteral("resources | mvexpand tags") << "'mvexpand'";
    QTest::newRow("endswith") << QStringLiteral("resources | where name endswith 'cmk'") << "'endswith'";
    QTest::newRow("strlen") << QStringLiteral("resources | extend n = strlen(name)") << "'strlen'";
    QTest::newRow("dcount") << QStringLiteral("resources | summarize dcount(name)") << "'dcount'";
    QTest::newRow("another table") << QStringLiteral("securityresources | take 1") << "'securityresources'";
    QTest::newRow("unknown column") << QStringLiteral("resources | where colour == 'red'") << "'colour'";
    QTest::newRow("unterminated string")
        << QStringLiteral("resources | where name == 'des") << "not terminated";
}

void TestSandboxArg::unsupportedQueryIs400NamingIt() {
    QFETCH(QString, text);
    QFETCH(QString, named);
    const HttpResult result = query(text);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("BadRequest"));
    const QJsonObject detail = result.json()
                                   .value(QLatin1String("error"))
                                   .toObject()
                                   .value(QLatin1String("details"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(detail.value(QLatin1String("code")).toString(), QStringLiteral("InvalidQuery"));
    QVERIFY2(detailMessage(result).contains(named), qPrintable(detailMessage(result)));
    QVERIFY(result.header("x-ms-user-quota-remaining").toInt() >= 0); // on every answer
}

void TestSandboxArg::pagesBySkipTokenAndSkip() {
    armsandbox::SandboxOptions options;
    options.generateDes = 2500;
    QVERIFY(restart(options));
    const QString text = WhereDes + QStringLiteral(" | project id, name");
    QSet<QString> ids;
    QList<int> pageSizes;
    QString skipToken;
    do {
        QJsonObject pageOptions{{QStringLiteral("$top"), 1000}};
        if (!skipToken.isEmpty())
            pageOptions.insert(QStringLiteral("$skipToken"), skipToken);
        const HttpResult page = query(graphRequest(text, pageOptions));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value(QLatin1String("totalRecords")).toInt(), 2509);
        pageSizes << page.json().value(QLatin1String("count")).toInt();
        for (const QString &id : column(page, QStringLiteral("id")))
            ids.insert(id);
        skipToken = page.json().value(QLatin1String("$skipToken")).toString();
    } while (!skipToken.isEmpty() && pageSizes.size() < 10);
    QCOMPARE(pageSizes, (QList<int>{1000, 1000, 509}));
    QCOMPARE(ids.size(), 2509);

    // $skip without a token: rows 3 to 7 of the ordered result.
    const QString ordered = WhereDes + QStringLiteral(" | order by name asc | project id, name");
    const QStringList all =
        column(query(graphRequest(ordered, {{QStringLiteral("$top"), 1000}})), QStringLiteral("name"));
    const HttpResult skipped =
        query(graphRequest(ordered, {{QStringLiteral("$top"), 5}, {QStringLiteral("$skip"), 3}}));
    QCOMPARE(column(skipped, QStringLiteral("name")), all.mid(3, 5));
    QVERIFY(skipped.json().contains(QLatin1String("$skipToken")));

    // A token is only good for the query it came from.
    const HttpResult other = query(graphRequest(
        WhereDes, {{QStringLiteral("$skipToken"), skipped.json().value(QLatin1String("$skipToken"))}}));
    QCOMPARE(other.status, 400);
}

void TestSandboxArg::resultWithoutIdIsTruncatedNotPaged() {
    const HttpResult result =
        query(graphRequest(WhereDes + QStringLiteral(" | project name"), {{QStringLiteral("$top"), 3}}));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json().value(QLatin1String("count")).toInt(), 3);
    QCOMPARE(result.json().value(QLatin1String("totalRecords")).toInt(), 9);
    QCOMPARE(result.json().value(QLatin1String("resultTruncated")).toString(), QStringLiteral("true"));
    QVERIFY(!result.json().contains(QLatin1String("$skipToken")));
}

void TestSandboxArg::invalidOptionsAre400() {
    QCOMPARE(query(graphRequest(WhereDes, {{QStringLiteral("$top"), 1001}})).status, 400);
    QCOMPARE(query(graphRequest(WhereDes, {{QStringLiteral("$top"), 0}})).status, 400);
    QCOMPARE(query(graphRequest(WhereDes, {{QStringLiteral("$skip"), -1}})).status, 400);
    const HttpResult table =
        query(graphRequest(WhereDes, {{QStringLiteral("resultFormat"), QStringLiteral("table")}}));
    QCOMPARE(table.status, 400);
    QVERIFY2(detailMessage(table).contains(QLatin1String("table")), qPrintable(detailMessage(table)));
    QCOMPARE(query(QJsonObject{{QStringLiteral("subscriptions"), QJsonArray{kSub1}}}).status,
             400); // no query
}

void TestSandboxArg::quotaWindowPerCaller() {
    static const QRegularExpression duration(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$"));
    for (int i = 1; i <= 15; ++i) {
        const HttpResult answer = query(graphRequest(WhereDes), QStringLiteral("2024-04-01"), "Bearer alice");
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("x-ms-user-quota-remaining").toInt(), 15 - i);
        QVERIFY2(
            duration.match(QString::fromLatin1(answer.header("x-ms-user-quota-resets-after"))).hasMatch(),
            answer.header("x-ms-user-quota-resets-after").constData());
    }
    const HttpResult throttled = query(graphRequest(WhereDes), QStringLiteral("2024-04-01"), "Bearer alice");
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.errorCode(), QStringLiteral("RateLimiting"));
    QCOMPARE(throttled.header("x-ms-user-quota-remaining"), QByteArray("0"));
    const int retryAfter = throttled.header("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 5, throttled.header("retry-after").constData());
    QVERIFY(throttled.header("x-ms-user-quota-resets-after").startsWith("00:00:0"));

    // Another caller has a window of its own.
    QCOMPARE(query(graphRequest(WhereDes), QStringLiteral("2024-04-01"), "Bearer bob").status, 200);

    // Once the sandbox's clock has moved past the window, the caller has 15 queries again.
    m_sandbox.advanceClock(5);
    const HttpResult after = query(graphRequest(WhereDes), QStringLiteral("2024-04-01"), "Bearer alice");
    QCOMPARE(after.status, 200);
    QCOMPARE(after.header("x-ms-user-quota-remaining"), QByteArray("14"));
    QCOMPARE(after.header("x-ms-user-quota-resets-after"), QByteArray("00:00:05"));
}

void TestSandboxArg::scopedToTheSubscriptionsAsked() {
    QCOMPARE(sortedNames(query(graphRequest(WhereDes, {}, {kSub2}))), QStringList{"des-dev-weu-cmk"});
    QCOMPARE(query(graphRequest(WhereDes, {}, {kSub1, kSub2})).json().value(QLatin1String("count")).toInt(),
             10);
    QCOMPARE(sortedNames(query(graphRequest(WhereDes + QStringLiteral(" | where subscriptionId == '") +
                                                kSub2 + QLatin1Char('\''),
                                            {}, {kSub1}))),
             QStringList{}); // a filter cannot reach outside the scope
    const QString unknown = QStringLiteral("00000000-0000-0000-0000-000000000000");
    QCOMPARE(query(graphRequest(WhereDes, {}, {kSub1, unknown})).json().value(QLatin1String("count")).toInt(),
             9);
    const HttpResult none = query(graphRequest(WhereDes, {}, {unknown}));
    QCOMPARE(none.status, 403);
    QCOMPARE(none.errorCode(), QStringLiteral("AuthorizationFailed"));
}

void TestSandboxArg::canBeMadeUnavailable() {
    armsandbox::SandboxOptions options;
    options.resourceGraph = false;
    QVERIFY(restart(options));
    QCOMPARE(query(WhereDes).status, 404);
    // ARM itself still answers.
    QCOMPARE(
        m_http
            .get(armUrl(
                m_sandbox.baseUrl(),
                QStringLiteral("/subscriptions/%1/providers/Microsoft.Compute/diskEncryptionSets").arg(kSub1),
                QStringLiteral("2025-01-02")))
            .status,
        200);

    options.resourceGraph = true;
    options.faults = QStringLiteral("status=403:path=Microsoft.ResourceGraph");
    QVERIFY(restart(options));
    QCOMPARE(query(WhereDes).status, 403);
}

QTEST_GUILESS_MAIN(TestSandboxArg)
#include "tst_sandbox_arg.moc"

// The sandbox keeps ARG's table between queries; a resource written over ARM (PUT, PATCH, an LRO's DELETE) or
// through the in-process API must show in the very next query, never a table from before the write. Every
// step queries first, so the table is built before the write it must follow.
void TestSandboxArg::tableFollowsArmWrites() {
    const QString group = QStringLiteral("/subscriptions/%1/resourceGroups/rg-keys-prod").arg(kSub1);
    const QString vault = group + QStringLiteral("/providers/Microsoft.KeyVault/vaults/kv-arg-follows");
    const QString vaultQuery =
        QStringLiteral("resources | where type =~ 'microsoft.keyvault/vaults' and name "
                       "== 'kv-arg-follows' | project name, stage = tostring(tags.stage)");
    QCOMPARE(query(vaultQuery).json().value(QLatin1String("count")).toInt(), 0);
    const QJsonObject properties{
        {QStringLiteral("tenantId"), kTenant},
        {QStringLiteral("sku"), QJsonObject{{QStringLiteral("family"), QStringLiteral("A")},
                                            {QStringLiteral("name"), QStringLiteral("standard")}}},
        {QStringLiteral("enableRbacAuthorization"), true}};
    const HttpResult created = m_http.put(
        armUrl(m_sandbox.baseUrl(), vault, api::keyVault),
        QJsonObject{{QStringLiteral("location"), QStringLiteral("westeurope")},
                    {QStringLiteral("tags"), QJsonObject{{QStringLiteral("stage"), QStringLiteral("new")}}},
                    {QStringLiteral("properties"), properties}});
    QVERIFY2(created.status == 200 || created.status == 201, created.body.constData());
    QCOMPARE(column(query(vaultQuery), QStringLiteral("stage")), QStringList{QStringLiteral("new")});

    const HttpResult patched = m_http.call(
        "PATCH", armUrl(m_sandbox.baseUrl(), vault, api::keyVault),
        QJsonDocument(QJsonObject{{QStringLiteral("tags"),
                                   QJsonObject{{QStringLiteral("stage"), QStringLiteral("patched")}}}})
            .toJson(QJsonDocument::Compact));
    QCOMPARE(patched.status, 200);
    QCOMPARE(column(query(vaultQuery), QStringLiteral("stage")), QStringList{QStringLiteral("patched")});

    // An image version's DELETE is an LRO: the version leaves the store (and the table) when it is done.
    const QString version =
        QStringLiteral("/subscriptions/%1/resourceGroups/rg-images-prod/providers/"
                       "Microsoft.Compute/galleries/galContosoProd/images/ubuntu-22-04-gen2/"
                       "versions/1.0.0")
            .arg(kSub1);
    const QString versionQuery =
        QStringLiteral("resources | where type =~ "
                       "'microsoft.compute/galleries/images/versions' and id =~ '%1'")
            .arg(version);
    QCOMPARE(query(versionQuery).json().value(QLatin1String("count")).toInt(), 1);
    const HttpResult deleted = m_http.call("DELETE", armUrl(m_sandbox.baseUrl(), version, api::gallery));
    QCOMPARE(deleted.status, 202);
    QCOMPARE(m_http.get(QUrl(QString::fromLatin1(deleted.header("Azure-AsyncOperation"))))
                 .json()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("Succeeded"));
    QCOMPARE(query(versionQuery).json().value(QLatin1String("count")).toInt(), 0);

    // A resource set through the in-process API (as tests and generated fixtures do) is a write too.
    QJsonObject moved = m_sandbox.resource(vault);
    moved.insert(QStringLiteral("location"), QStringLiteral("northeurope"));
    m_sandbox.setResource(moved);
    QCOMPARE(column(query(QStringLiteral("resources | where location =~ 'NorthEurope' and name == "
                                         "'kv-arg-follows'")),
                    QStringLiteral("location")),
             QStringList{QStringLiteral("northeurope")});
}
