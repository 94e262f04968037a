package cn.fengxing.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Typed settings of the platform ({@code fengxing.*}). */
@ConfigMapping(prefix = "fengxing")
public interface FengxingConfig {

    Bootstrap bootstrap();

    Paging paging();

    Web web();

    Storage storage();

    Reports reports();

    Riders riders();

    Geojson geojson();

    Figures figures();

    Points points();

    Pairing pairing();

    /** Care pairing 捎带手 (docs/product.md). */
    interface Pairing {
        /**
         * How often each API instance looks for missed look-ins (days without a visit raise alerts too) and alerts
         * nobody followed up in time (a scheduler interval; {@code off} disables). Instances may overlap: each alert
         * is raised and escalated once.
         */
        @WithDefault("60s")
        String sweepEvery();
    }

    /** Points 爱心积分 (docs/points.md). */
    interface Points {
        /**
         * How often each API instance awards points for accepted reports and expires redemptions not collected in
         * time (a scheduler interval; {@code off} disables). Instances may overlap: each report pays once.
         */
        @WithDefault("10s")
        String sweepEvery();
    }

    /** Regional comparison's read model (docs/adr/0005-township-figures.md). */
    interface Figures {
        /** How often the township days that changed are recounted (a scheduler interval; {@code off} disables). */
        @WithDefault("10s")
        String refreshEvery();
    }

    /**
     * Limits of a GeoJSON document (grid import, friendly-community maps, grid boundaries), checked while it is
     * read so that an oversized upload is refused before it is parsed whole.
     */
    interface Geojson {
        /** Largest upload, in bytes (413 past it). */
        @WithDefault("10485760")
        long maxBytes();

        /** Features in one FeatureCollection import (400 naming the first one past it). */
        @WithDefault("5000")
        int maxFeatures();

        /** Positions (vertices) in one geometry, all rings and parts together (400 naming the feature). */
        @WithDefault("10000")
        int maxVertices();
    }

    /** Where files (report photos) are kept: a directory (default) or an S3-compatible bucket. */
    interface Storage {
        @WithDefault("filesystem")
        Kind kind();

        /** Directory of the filesystem blob store; created when missing. */
        @WithDefault("data/blobs")
        String directory();

        S3 s3();

        /**
         * A file written for a transaction that never committed (its API instance was killed mid-request) is
         * deleted once it is this old: longer than any transaction may run, so no living request loses its file.
         */
        @WithDefault("PT15M")
        java.time.Duration orphanAfter();

        /** How often each API instance deletes such files (a Quarkus scheduler interval; off disables it). */
        @WithDefault("5m")
        String sweepEvery();

        enum Kind {
            filesystem, s3
        }

        /** An S3-compatible store (AWS S3, MinIO, OSS/COS S3 endpoints …). */
        interface S3 {
            /** Endpoint of a non-AWS store, e.g. http://minio:9000; AWS's own when absent. */
            Optional<java.net.URI> endpoint();

            @WithDefault("us-east-1")
            String region();

            /** The bucket; must exist. */
            Optional<String> bucket();

            /** Static credentials; the AWS default chain (environment, profile, role) when absent. */
            Optional<String> accessKey();

            Optional<String> secretKey();

            /** Path-style addressing (bucket in the path), which most S3-compatible stores need. */
            @WithDefault("true")
            boolean pathStyle();
        }
    }

    /** Snap-and-report 随手拍 limits and timings. */
    interface Reports {
        /** Photos per report (and per resolution or verification step). */
        @WithDefault("3")
        int maxPhotos();

        /** Largest photo upload, in bytes. */
        @WithDefault("10485760")
        int maxPhotoBytes();

        /** Largest photo in pixels (width × height): larger ones are refused before decoding. */
        @WithDefault("50000000")
        long maxPhotoPixels();

        /** Longest side of a stored photo, in pixels; larger ones are scaled down. */
        @WithDefault("1920")
        int photoSide();

        /** Longest side of a thumbnail, in pixels. */
        @WithDefault("320")
        int thumbnailSide();

        /** Flood limits on filing reports, per API instance. */
        Flood flood();

        /**
         * Token buckets: a rider may file {@code riderBurst} reports at once, then {@code riderPerHour} an hour; a
         * township takes {@code townshipBurst} at once, then {@code townshipPerHour} an hour. Retries of a filed
         * report are never limited.
         */
        interface Flood {
            @WithDefault("10")
            int riderBurst();

            @WithDefault("60")
            int riderPerHour();

            @WithDefault("300")
            int townshipBurst();

            @WithDefault("1800")
            int townshipPerHour();
        }

        /** Radius within which open reports of the same category count as "nearby" (duplicates). */
        @WithDefault("300")
        int nearbyMetres();

        /** How long a dispatcher's hold on a report (领单) lasts unless renewed or released. */
        @WithDefault("PT5M")
        java.time.Duration lockDuration();

        /**
         * How often each API instance looks for overdue reports to escalate and resolved reports to
         * auto-close (a Quarkus scheduler interval such as 30s; off disables it). Instances may overlap:
         * every report escalates and closes once.
         */
        @WithDefault("30s")
        String sweepEvery();

        /** Interval of the comment line that keeps an idle live stream open through proxies. */
        @WithDefault("PT20S")
        java.time.Duration streamHeartbeat();
    }

    /** Binding an imported rider to the person who registers with their phone. */
    interface Riders {
        /** How long the admin's one-time binding code stays valid. */
        @WithDefault("P3D")
        java.time.Duration bindingCodeTtl();

        /** Wrong codes entered for one rider before their code stops working (the admin makes a new one). */
        @WithDefault("5")
        int bindingCodeAttempts();
    }

    /** What the web UI needs to sign people in. */
    interface Web {
        /** Issuer the browser signs in with; defaults to the API's own OIDC issuer. */
        Optional<String> oidcIssuer();

        /** Public OIDC client of the web UI (authorization code + PKCE). */
        @WithDefault("fengxing-web")
        String oidcClientId();
    }

    interface Bootstrap {
        /**
         * OIDC subjects granted platform_operator at start-up, so a new installation has someone
         * (a person or the tenant-admin client's service account) who can onboard districts.
         */
        Optional<List<String>> operators();
    }

    interface Paging {
        /** Hard maximum page size of every list endpoint. */
        @WithDefault("200")
        int maxSize();

        @WithDefault("50")
        int defaultSize();
    }
}
