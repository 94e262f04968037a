package cn.fengxing.care.resource;

import cn.fengxing.care.api.CareImportResult;
import cn.fengxing.care.api.CareKind;
import cn.fengxing.care.api.CareRecordInput;
import cn.fengxing.care.api.CareRecordView;
import cn.fengxing.care.api.CareTotal;
import cn.fengxing.care.api.MyCareRecord;
import cn.fengxing.care.service.CareImport;
import cn.fengxing.care.service.CareRecords;
import cn.fengxing.common.paging.Page;
import cn.fengxing.common.paging.PageRequest;
import cn.fengxing.identity.access.TenantAccess;
import cn.fengxing.rider.service.RiderCodes;
import cn.fengxing.rider.service.RosterFile;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

import static cn.fengxing.identity.Role.RIDER;
import static cn.fengxing.identity.Role.TENANT_ADMIN;

/**
 * Care services 关爱服务 the township gives its riders. Who received hardship aid, amounts and policy numbers are
 * masked in every answer but the audited reveal; riders read their own records.
 */
@Path("/api/t/{tenant}/care")
@Tag(name = "Care", description = "Care services 关爱服务 given to riders")
@SecurityRequirement(name = "oidc")
public class CareResource {

    static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    /** A kind of care, as a filter (an unknown one is a 400, not the 404 an enum parameter would give). */
    static final String KIND = "^(insurance|hardship_aid|gift|health_check)$";

    @Inject
    CareRecords records;

    @Inject
    CareImport imports;

    @Inject
    RiderCodes riders;

    @GET
    @Path("/records")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "List care records",
            description = "Newest given first; filter by kind, month given (yyyy-MM) and rider. Masked: the rider's "
                    + "phone, who received hardship aid, amounts and policy numbers.")
    public Page<CareRecordView> list(@PathParam("tenant") String tenant,
                                     @QueryParam("kind") @Pattern(regexp = KIND) String kind,
                                     @QueryParam("month") @Pattern(regexp = MONTH) String month,
                                     @QueryParam("rider") Long rider, @BeanParam PageRequest paging) {
        return records.list(new CareRecords.Filter(kind == null ? null : CareKind.of(kind), month, rider),
                paging.page(), paging.size());
    }

    @GET
    @Path("/records/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Get a care record", description = "One record, masked.")
    public CareRecordView get(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return records.get(id);
    }

    @POST
    @Path("/records")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Record a care service",
            description = "Insurance needs its cover's first and last day; other kinds have none (400). 404 for a "
                    + "rider not of this township. Answers 201 with the record, masked.")
    public Response create(@PathParam("tenant") String tenant, @Valid @NotNull CareRecordInput input) {
        return Response.status(Response.Status.CREATED).entity(records.create(input)).build();
    }

    @PUT
    @Path("/records/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Change a care record", description = "Replaces the record's fields; answers it masked.")
    public CareRecordView update(@PathParam("tenant") String tenant, @PathParam("id") long id,
                                 @Valid @NotNull CareRecordInput input) {
        return records.update(id, input);
    }

    @DELETE
    @Path("/records/{id}")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Delete a care record", description = "Audited (care.delete).")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        records.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/records/{id}/reveal")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Reveal a care record",
            description = "The record unmasked: the rider's name and phone, the amount and the policy number. Every "
                    + "reveal is audited (care.reveal: who, which record, whose).")
    public CareRecordView reveal(@PathParam("tenant") String tenant, @PathParam("id") long id) {
        return records.reveal(id);
    }

    @GET
    @Path("/totals")
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Care totals per kind",
            description = "For every kind: records, riders they went to and yuan given, in a month (yyyy-MM) or ever.")
    public List<CareTotal> totals(@PathParam("tenant") String tenant,
                                  @QueryParam("month") @Pattern(regexp = MONTH) String month) {
        return records.totals(month);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @TenantAccess(TENANT_ADMIN)
    @Operation(summary = "Import care records",
            description = "An XLSX or CSV file (form field file, at most 5 MB and 5,000 rows) with a header row in Chinese "
                    + "or English: 手机号/phone (the rider's), 类别/kind (保险, 困难帮扶, 节日慰问, 健康体检 or the codes), "
                    + "日期/givenOn, 事项/title, 详情/detail, 金额/amount (yuan), 保障开始/coverStart and 保障结束/coverEnd "
                    + "(insurance), 保单号/reference, 备注/note. Every row is checked first; any bad row rejects the whole "
                    + "file with each row's errors (rows[N].field) and nothing is imported. Formulas are kept as text.")
    public CareImportResult importRecords(@PathParam("tenant") String tenant, @RestForm("file") FileUpload file) {
        return imports.importRecords(RosterFile.upload(file, "care.import-file"));
    }

    @GET
    @Path("/me")
    @TenantAccess(RIDER)
    @Operation(summary = "My care records", description = "The signed-in rider's own care records 我的关爱, newest first.")
    public Page<MyCareRecord> mine(@PathParam("tenant") String tenant, @BeanParam PageRequest paging) {
        return records.mine(riders.current().id, paging.page(), paging.size());
    }
}
