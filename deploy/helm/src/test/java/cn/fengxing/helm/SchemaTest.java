package cn.fengxing.helm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** values.schema.json refuses what the chart cannot use, before anything is rendered. */
class SchemaTest {

    @Test
    void refusesReplicasThatAreNotANumber() {
        assertThat(Chart.with("minimal").set("replicaCount", "two").failure())
                .contains("values don't meet the specifications of the schema").contains("replicaCount");
    }

    @Test
    void refusesAMissingDatabaseHost() {
        assertThat(Chart.with("minimal").set("database.host", "").failure()).contains("database").contains("host");
    }

    @Test
    void needsNoDatabaseHostForTheTrialDatabase() {
        assertThat(Chart.with("trial").render().custom("Cluster")).isNotEmpty();
    }

    @Test
    void refusesAMissingIssuer() {
        assertThat(Chart.with("minimal").set("oidc.issuer", "").failure()).contains("oidc").contains("issuer");
    }

    @Test
    void refusesATownshipFieldOfTheWrongType() {
        assertThat(Chart.with("townships").set("tenants.gongcheng.region", "黑龙江省").failure())
                .contains("tenants").contains("gongcheng").contains("region");
    }

    @Test
    void refusesATownshipSectionTheApiDoesNotKnow() {
        assertThat(Chart.with("townships").set("tenants.gongcheng.stationz[0].name", "x").failure())
                .contains("stationz");
    }

    @Test
    void refusesATownshipCodeThatIsNotASlug() {
        assertThat(Chart.with("townships").set("tenants.Gongcheng.name", "工程街道")
                .set("tenants.Gongcheng.region[0]", "黑龙江省").failure()).contains("Gongcheng");
    }

    @Test
    void refusesACredentialAmongTheSettings() {
        assertThat(Chart.with("minimal").set("config.QUARKUS_DATASOURCE_PASSWORD", "inline").failure())
                .contains("invalid propertyName 'QUARKUS_DATASOURCE_PASSWORD'");
        assertThat(Chart.with("minimal").set("config.FENGXING_STORAGE_S3_SECRET_KEY", "inline").failure())
                .contains("invalid propertyName 'FENGXING_STORAGE_S3_SECRET_KEY'");
    }

    @Test
    void refusesAnUnknownStorageKind() {
        assertThat(Chart.with("minimal").set("storage.kind", "nfs").failure()).contains("storage").contains("kind");
    }

    @Test
    void refusesAnUnknownValue() {
        assertThat(Chart.with("minimal").set("replicas", 2).failure()).contains("replicas");
    }

    @Test
    void acceptsEveryValueSetOfCi() {
        for (String set : List.of("minimal", "production", "existing-secret", "trial", "townships")) {
            assertThat(Chart.with(set).render().api()).as(set).isNotNull();
        }
    }
}
