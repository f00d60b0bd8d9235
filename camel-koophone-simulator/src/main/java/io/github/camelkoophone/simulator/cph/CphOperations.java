package io.github.camelkoophone.simulator.cph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.http.ApiError;
import io.github.camelkoophone.simulator.http.Call;
import io.github.camelkoophone.simulator.http.OperationTable;
import io.github.camelkoophone.simulator.http.Params;
import io.github.camelkoophone.simulator.http.SimResponse;
import io.github.camelkoophone.simulator.json.SimJson;

/**
 * The CPH mode: Cloud Phone Host's project-scoped paths (list phones, batch restart, list jobs, show job) on the
 * same server, behind the same gateway authentication (token or AK/SK). Success answers carry {@code request_id}
 * and the data at the top level; errors are {@code {"error_code": "CPS.xxxx", "error_msg": ...}}.
 */
public final class CphOperations {

    static final String BAD_REQUEST = "CPS.0001";
    static final String PROJECT_MISMATCH = "CPS.0003";
    static final String NOT_FOUND = "CPS.0015";
    static final int MAX_LIMIT = 200;
    static final int MAX_PHONES = 100;

    private final CphState cph;
    private final String projectId;

    public CphOperations(CphState cph, String projectId) {
        this.cph = cph;
        this.projectId = projectId;
    }

    public void register(OperationTable table) {
        table.add("listCloudPhones", "GET", "/v1/{project_id}/cloud-phone/phones", OperationTable.NO_REQUEST_ID, this::listCloudPhones);
        table.add("restartCloudPhones", "POST", "/v1/{project_id}/cloud-phone/phones/batch-restart", OperationTable.NO_REQUEST_ID,
                this::restartCloudPhones);
        table.add("listJobs", "GET", "/v1/{project_id}/cloud-phone/jobs", OperationTable.NO_REQUEST_ID, this::listJobs);
        table.add("showJob", "GET", "/v1/{project_id}/cloud-phone/jobs/{job_id}", OperationTable.NO_REQUEST_ID, this::showJob);
    }

    private ObjectNode begin(Call call) {
        String project = call.request().pathParam("project_id");
        if (!projectId.equals(project)) {
            throw new ApiError(403, PROJECT_MISMATCH, "The project " + project + " is not the caller's project");
        }
        cph.settle(call.now());
        ObjectNode root = SimJson.object();
        root.put("request_id", cph.hex32());
        return root;
    }

    SimResponse listCloudPhones(Call call) {
        ObjectNode root = begin(call);
        Map<String, String> q = call.request().query();
        int offset = intParam(q, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(q, "limit", 100, 1, MAX_LIMIT);
        String name = blankToNull(q.get("phone_name"));
        String server = blankToNull(q.get("server_id"));
        Integer status = q.containsKey("status") ? intParam(q, "status", 0, Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        Integer type = q.containsKey("type") ? intParam(q, "type", 0, 0, 1) : null;
        List<CphState.Phone> matching = new ArrayList<>();
        for (CphState.Phone p : cph.phones().values()) {
            if ((name == null || p.name.contains(name)) && (server == null || p.serverId.equals(server))
                && (status == null || p.status == status) && (type == null || p.type == type)) {
                matching.add(p);
            }
        }
        root.put("count", matching.size());
        ArrayNode list = root.putArray("phones");
        for (int i = offset; i < Math.min(matching.size(), (long) offset + limit); i++) {
            CphState.Phone p = matching.get(i);
            ObjectNode phone = list.addObject();
            phone.put("phone_name", p.name);
            phone.put("server_id", p.serverId);
            phone.put("phone_id", p.phoneId);
            phone.put("phone_model_name", "kc1.large.2");
            phone.put("image_version", "1");
            phone.put("image_id", "1b2c3d4e5f60718293a4b5c6d7e8f901");
            phone.put("vnc_enable", "false");
            phone.put("status", p.status);
            phone.put("type", p.type);
            phone.put("availability_zone", "cn-north-4a");
            phone.putObject("metadata").put("order_id", "CS" + p.phoneId.substring(0, 12)).put("product_id", "OFFI1234567890");
            phone.put("create_time", p.createTime);
            phone.put("update_time", p.updateTime);
        }
        return new SimResponse(200, root);
    }

    SimResponse restartCloudPhones(Call call) {
        ObjectNode root = begin(call);
        JsonNode phones = Params.object(call).get("phones");
        if (phones == null || !phones.isArray() || phones.isEmpty()) {
            throw new ApiError(400, BAD_REQUEST, "phones must be a non-empty array");
        }
        if (phones.size() > MAX_PHONES) {
            throw new ApiError(400, BAD_REQUEST, "phones has more than " + MAX_PHONES + " entries");
        }
        List<CphState.Phone> targets = new ArrayList<>();
        for (JsonNode entry : phones) {
            String id = entry.path("phone_id").asText("");
            CphState.Phone phone = cph.phones().get(id);
            if (phone == null) {
                throw new ApiError(404, NOT_FOUND, "The phone " + id + " does not exist");
            }
            targets.add(phone);
        }
        String requestId = root.get("request_id").asText();
        ArrayNode jobs = root.putArray("jobs");
        for (CphState.Phone phone : targets) {
            CphState.Job job = cph.startRestart(requestId, phone, call.now());
            jobs.addObject().put("phone_id", phone.phoneId).put("job_id", job.jobId);
        }
        call.executed();
        return new SimResponse(200, root);
    }

    SimResponse listJobs(Call call) {
        ObjectNode root = begin(call);
        String requestId = blankToNull(call.request().query().get("request_id"));
        if (requestId == null) {
            throw new ApiError(400, BAD_REQUEST, "request_id is required");
        }
        root.put("request_id", requestId);
        ArrayNode list = root.putArray("jobs");
        for (CphState.Job job : cph.jobs().values()) {
            if (job.requestId.equals(requestId)) {
                list.add(render(job, false));
            }
        }
        return new SimResponse(200, root);
    }

    SimResponse showJob(Call call) {
        ObjectNode root = begin(call);
        CphState.Job job = cph.jobs().get(call.request().pathParam("job_id"));
        if (job == null) {
            throw new ApiError(404, NOT_FOUND, "The job " + call.request().pathParam("job_id") + " does not exist");
        }
        root.setAll(render(job, true));
        return new SimResponse(200, root);
    }

    private static ObjectNode render(CphState.Job job, boolean withNode) {
        ObjectNode out = SimJson.object();
        out.put("phone_id", job.phoneId);
        out.put("server_id", job.serverId);
        if (!withNode) {
            out.put("node_id", job.serverId + "-node");
        }
        out.put("job_id", job.jobId);
        out.put("begin_time", CphState.TIME.format(job.begin));
        if (job.end != null) {
            out.put("end_time", CphState.TIME.format(job.end));
        } else {
            out.putNull("end_time");
        }
        out.put("status", job.status);
        out.put("error_code", job.status == CphState.JOB_FAILED ? "CPS.0191" : "");
        out.put("error_msg", job.status == CphState.JOB_FAILED ? "The phone failed to restart" : "");
        return out;
    }

    private static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
        String v = blankToNull(q.get(name));
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ApiError(400, BAD_REQUEST, name + " must be within " + min + ".." + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError(400, BAD_REQUEST, name + " must be an integer: " + v);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
