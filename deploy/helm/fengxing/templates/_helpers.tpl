{{/* Names and labels shared by every object of the chart. */}}

{{- define "fengxing.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "fengxing.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "fengxing.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "fengxing.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: fengxing
{{- end }}

{{/* The API pods; the hook Jobs carry other components so that the Service never selects them. */}}
{{- define "fengxing.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fengxing.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: api
{{- end }}

{{- define "fengxing.componentLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "fengxing.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: fengxing
{{- end }}

{{- define "fengxing.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "fengxing.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "fengxing.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The Secret that holds the credentials: the user's, or the chart's. */}}
{{- define "fengxing.secretName" -}}
{{- default (include "fengxing.fullname" .) .Values.existingSecret }}
{{- end }}

{{/* The owner's password lives in a hook Secret of its own, unless the user keeps every credential. */}}
{{- define "fengxing.ownerSecretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- printf "%s-migrations" (include "fengxing.fullname" .) }}
{{- end }}
{{- end }}

{{- define "fengxing.cnpgClusterName" -}}
{{- printf "%s-db" (include "fengxing.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{- define "fengxing.keycloakName" -}}
{{- printf "%s-keycloak" (include "fengxing.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{- define "fengxing.databaseHost" -}}
{{- if .Values.postgresql.cnpg.enabled }}
{{- printf "%s-rw" (include "fengxing.cnpgClusterName" .) }}
{{- else }}
{{- required "database.host is required (or postgresql.cnpg.enabled for a trial database)" .Values.database.host }}
{{- end }}
{{- end }}

{{- define "fengxing.jdbcUrl" -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" (include "fengxing.databaseHost" .) .Values.database.port .Values.database.name }}
{{- if .Values.database.parameters }}
{{- printf "%s?%s" $url .Values.database.parameters }}
{{- else }}
{{- $url }}
{{- end }}
{{- end }}

{{- define "fengxing.oidcIssuer" -}}
{{- if .Values.oidc.issuer }}
{{- .Values.oidc.issuer }}
{{- else if .Values.keycloak.enabled }}
{{- printf "%s/realms/%s" (trimSuffix "/" (required "keycloak.url is required with keycloak.enabled" .Values.keycloak.url)) .Values.keycloak.realm.name }}
{{- else }}
{{- required "oidc.issuer is required (or keycloak.enabled for a trial identity provider)" .Values.oidc.issuer }}
{{- end }}
{{- end }}

{{- define "fengxing.apiUrl" -}}
{{- printf "http://%s:%v" (include "fengxing.fullname" .) .Values.service.port }}
{{- end }}

{{/* Subjects made platform operators at start-up: the values', and the trial realm's tenant-admin service account. */}}
{{- define "fengxing.bootstrapOperators" -}}
{{- $operators := .Values.bootstrapOperators }}
{{- if .Values.keycloak.enabled }}
{{- $operators = append $operators .Values.keycloak.realm.tenantAdminSubject | uniq }}
{{- end }}
{{- join "," $operators }}
{{- end }}

{{/* A pod's environment for the database's application role and the OIDC issuer: the API and the migration Job. */}}
{{- define "fengxing.databaseEnv" -}}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ include "fengxing.jdbcUrl" . | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ .Values.database.app.username | quote }}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ include "fengxing.oidcIssuer" . | quote }}
{{- end }}

{{- define "fengxing.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}

{{/* Checks across values that the schema cannot express. */}}
{{- define "fengxing.validate" -}}
{{- $replicas := ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled }}
{{- if and (eq .Values.storage.kind "filesystem") (not .Values.storage.persistence.enabled) (or (gt (int $replicas) 1) .Values.autoscaling.enabled) }}
{{- fail "storage.kind=filesystem on an emptyDir keeps each photo in one pod: with more than one replica use storage.kind=s3 or storage.persistence (ReadWriteMany)" }}
{{- end }}
{{- if and (eq .Values.storage.kind "s3") (not .Values.storage.s3.bucket) }}
{{- fail "storage.s3.bucket is required with storage.kind=s3" }}
{{- end }}
{{- if not .Values.existingSecret }}
{{- if not .Values.database.app.password }}{{ fail "database.app.password is required (or existingSecret)" }}{{ end }}
{{- if and .Values.migrations.enabled (not .Values.database.owner.password) }}{{ fail "database.owner.password is required (or existingSecret)" }}{{ end }}
{{- if and .Values.tenants (not .Values.oidc.tenantAdmin.clientSecret) }}{{ fail "oidc.tenantAdmin.clientSecret is required to apply tenants (or existingSecret)" }}{{ end }}
{{- if and .Values.keycloak.enabled (not .Values.oidc.tenantAdmin.clientSecret) }}{{ fail "oidc.tenantAdmin.clientSecret is required with keycloak.enabled (or existingSecret)" }}{{ end }}
{{- if and (eq .Values.identity.provider "keycloak") (not .Values.identity.keycloak.clientSecret) }}{{ fail "identity.keycloak.clientSecret is required with identity.provider=keycloak (or existingSecret); set identity.provider=none for an OIDC provider other than Keycloak" }}{{ end }}
{{- if and (eq .Values.storage.kind "s3") .Values.storage.s3.staticCredentials (not (and .Values.storage.s3.accessKey .Values.storage.s3.secretKey)) }}{{ fail "storage.s3.accessKey and storage.s3.secretKey are required with storage.s3.staticCredentials (or existingSecret)" }}{{ end }}
{{- end }}
{{- if and .Values.postgresql.cnpg.enabled .Values.existingSecret }}
{{- fail "postgresql.cnpg.enabled makes the roles from database.app.password and database.owner.password: leave existingSecret empty for the trial database" }}
{{- end }}
{{- range $code, $manifest := .Values.tenants }}
{{- if and (hasKey $manifest "code") (ne $manifest.code $code) }}
{{- fail (printf "tenants.%s: its code is %q; the key must be the township's code" $code $manifest.code) }}
{{- end }}
{{- end }}
{{- end }}

{{/* Files a township's manifest names (grids, history sections), relative to the manifest. */}}
{{- define "fengxing.tenantFileKeys" -}}
{{- list "grids" "reportHistory" "epassHistory" "stationVisitHistory" "discountUseHistory" "pointsHistory" "eventsHistory" "suggestionsHistory" "careHistory" "pairingHistory" | toJson }}
{{- end }}

{{- define "fengxing.tenantFiles" -}}
{{- $files := list }}
{{- range $key := include "fengxing.tenantFileKeys" . | fromJsonArray }}
{{- $reference := get $.manifest $key }}
{{- if and (hasKey $.manifest $key) (kindIs "string" $reference) }}
{{- if not (hasKey $.root.Values.tenantFiles $reference) }}
{{- fail (printf "tenants.%s.%s names the file %q: give it in tenantFiles (--set-file 'tenantFiles.%s=<path>')" $.code $key $reference (replace "." "\\." $reference)) }}
{{- end }}
{{- $files = append $files $reference }}
{{- end }}
{{- end }}
{{- $files | uniq | toJson }}
{{- end }}

{{- define "fengxing.tenantAdmin" -}}
- java
- -jar
- {{ .Values.tenantsJob.tenantAdminJar }}
{{- end }}

{{/* tenant-admin's connection: the API inside the cluster, the issuer, the client and its secret. */}}
{{- define "fengxing.tenantAdminEnv" -}}
- name: FENGXING_API
  value: {{ include "fengxing.apiUrl" . | quote }}
- name: FENGXING_ISSUER
  value: {{ include "fengxing.oidcIssuer" . | quote }}
- name: FENGXING_CLIENT_ID
  value: {{ .Values.oidc.tenantAdmin.clientId | quote }}
- name: FENGXING_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "fengxing.secretName" . }}
      key: tenant-admin-client-secret
- name: JAVA_TOOL_OPTIONS
  value: "-XX:MaxRAMPercentage=75.0 -Dfile.encoding=UTF-8"
{{- end }}
