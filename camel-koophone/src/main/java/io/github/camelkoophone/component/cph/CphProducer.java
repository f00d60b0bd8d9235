package io.github.camelkoophone.component.cph;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cph.model.CphPhoneJob;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import io.github.camelkoophone.component.koophone.OperationCaller;
import io.github.camelkoophone.component.koophone.api.Inputs;
import io.github.camelkoophone.component.koophone.api.RequestAssembler;
import io.github.camelkoophone.component.koophone.tasks.TaskRegistration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls any CPH operation through the shared call path and sets the typed result. Headers and options fill what
 * the body leaves unset; restartCloudPhones registers its request id with the cph:jobs consumers unless
 * {@code trackJobs=false}; listCloudPhones with {@code allPages=true} follows offset to the end.
 */
public class CphProducer extends DefaultProducer {

    static final Inputs NO_INPUTS = new Inputs(null, null, null, null, null);

    private final CphOperation defaultOperation;

    public CphProducer(CphEndpoint endpoint, CphOperation defaultOperation) {
        super(endpoint);
        this.defaultOperation = defaultOperation;
    }

    @Override
    public CphEndpoint getEndpoint() {
        return (CphEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().caller(); // fail at start, not at the first message, when options or credentials are wrong
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String override = in.getHeader(CphConstants.OPERATION, String.class);
        CphOperation op = override == null ? defaultOperation : CphOperation.fromName(override);
        CphConfiguration c = getEndpoint().getConfiguration();
        ObjectNode request = RequestAssembler.toTree(in.getBody());
        fill(op, request, in, c);
        OperationCaller caller = getEndpoint().caller();
        Object result;
        if (op == CphOperation.listCloudPhones && c.isAllPages()) {
            result = CphPaging.listAll(caller, request);
        } else {
            result = call(caller, op, request, this::track);
        }
        in.setBody(result);
        if (result instanceof RestartCloudPhonesResult restart) {
            in.setHeader(CphConstants.REQUEST_ID, restart.getRequestId());
        }
    }

    /** One call (split when the phone list is long), waiting for its result; failures are thrown as they are. */
    static Object call(OperationCaller caller, CphOperation op, ObjectNode request, java.util.function.Consumer<Object> onResult)
            throws Exception {
        try {
            return caller.prepare(op, request, NO_INPUTS, null).sendEach(onResult).join().result();
        } catch (CompletionException e) {
            Throwable cause = e;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof Exception ex ? ex : e;
        }
    }

    private void track(Object result) {
        if (result instanceof RestartCloudPhonesResult restart && restart.getRequestId() != null
            && getEndpoint().getConfiguration().isTrackJobs()) {
            getEndpoint().getComponent().jobRegistry().register(registration(restart));
        }
    }

    static TaskRegistration registration(RestartCloudPhonesResult restart) {
        List<CphPhoneJob> jobs = restart.getJobs() == null ? List.of() : restart.getJobs();
        String[] jobIds = jobs.stream().map(CphPhoneJob::getJobId).filter(id -> id != null).toArray(String[]::new);
        String[] phoneIds = jobs.stream().filter(job -> job.getJobId() != null).map(CphPhoneJob::getPhoneId)
                .toArray(String[]::new);
        return new TaskRegistration(restart.getRequestId(), CphOperation.restartCloudPhones, jobIds, phoneIds);
    }

    /** Headers, then options, fill the request fields the body left unset. */
    static void fill(CphOperation op, ObjectNode request, Message in, CphConfiguration c) {
        switch (op) {
            case listCloudPhones -> fillQuery(request, c);
            case restartCloudPhones -> {
                if (absent(request, "phones")) {
                    List<String> ids = ids(in.getHeader(CphConstants.PHONE_IDS), c.getPhoneIds());
                    if (ids == null && in.getHeader(CphConstants.PHONE_ID) != null) {
                        ids = List.of(in.getHeader(CphConstants.PHONE_ID, String.class));
                    }
                    if (ids != null) {
                        ArrayNode phones = request.putArray("phones");
                        ids.forEach(id -> phones.addObject().put("phone_id", id));
                    }
                }
            }
            case listJobs -> put(request, "request_id", header(in, CphConstants.REQUEST_ID, c.getRequestId()));
            case showJob -> put(request, "job_id", header(in, CphConstants.JOB_ID, c.getJobId()));
        }
    }

    /** The listCloudPhones query fields from the options (shared with cph:phones). */
    static void fillQuery(ObjectNode request, CphConfiguration c) {
        put(request, "offset", c.getOffset());
        put(request, "limit", c.getLimit());
        put(request, "phone_name", c.getPhoneName());
        put(request, "server_id", c.getServerId());
        put(request, "status", c.getStatus());
        put(request, "type", c.getType());
    }

    private static boolean absent(ObjectNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull();
    }

    private static void put(ObjectNode request, String field, Object value) {
        if (value == null || !absent(request, field)) {
            return;
        }
        if (value instanceof Integer number) {
            request.put(field, number);
        } else {
            request.put(field, value.toString());
        }
    }

    private static String header(Message in, String name, String option) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : option;
    }

    static List<String> ids(Object header, String option) {
        Object value = header != null ? header : option;
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).map(String::trim).toList();
        }
        if (value instanceof String[] array) {
            return Arrays.stream(array).map(String::trim).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }
}
