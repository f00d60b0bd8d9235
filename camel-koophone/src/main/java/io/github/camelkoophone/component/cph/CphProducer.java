package io.github.camelkoophone.component.cph;

import java.util.List;

import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.tasks.TaskRegistration;
import io.github.camelkoophone.component.cph.model.CphPhoneJob;
import io.github.camelkoophone.component.cph.model.RestartCloudPhonesResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Calls any CPH operation through the shared call path and sets the typed result; headers and options fill what
 * the body leaves unset, as the catalogue's bindings say. restartCloudPhones registers its request id with the
 * cph:jobs consumers unless {@code trackJobs=false}; listCloudPhones with {@code allPages=true} follows offset to
 * the end.
 */
public class CphProducer extends DefaultProducer {

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
        OperationCaller caller = getEndpoint().caller();
        Input.Source inputs = getEndpoint().inputs(in);
        Object result;
        if (op == CphOperation.listCloudPhones && getEndpoint().getConfiguration().isAllPages()) {
            result = CphPaging.listAll(caller, in.getBody(), inputs, null);
        } else {
            result = caller.prepare(op, in.getBody(), inputs, null).call(this::track).result();
        }
        in.setBody(result);
        if (result instanceof RestartCloudPhonesResult restart) {
            in.setHeader(CphConstants.REQUEST_ID, restart.getRequestId());
        }
    }

    private void track(Object result) {
        if (result instanceof RestartCloudPhonesResult restart && restart.getRequestId() != null
            && getEndpoint().getConfiguration().isTrackJobs()) {
            getEndpoint().appendTask(registration(restart));
        }
    }

    static TaskRegistration registration(RestartCloudPhonesResult restart) {
        List<CphPhoneJob> jobs = restart.getJobs() == null ? List.of() : restart.getJobs();
        String[] jobIds = jobs.stream().map(CphPhoneJob::getJobId).filter(id -> id != null).toArray(String[]::new);
        String[] phoneIds = jobs.stream().filter(job -> job.getJobId() != null).map(CphPhoneJob::getPhoneId)
                .toArray(String[]::new);
        return new TaskRegistration(restart.getRequestId(), CphOperation.restartCloudPhones, jobIds, phoneIds);
    }
}
