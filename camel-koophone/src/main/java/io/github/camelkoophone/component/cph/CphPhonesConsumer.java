package io.github.camelkoophone.component.cph;

import java.util.List;

import io.github.camelkoophone.component.cloud.consumer.StatusChangeConsumer;
import io.github.camelkoophone.component.cph.model.CphPhone;
import org.apache.camel.Processor;

/**
 * {@code cph:phones}: lists every phone (all pages, filtered by {@code phoneName}, {@code serverId}, {@code status},
 * {@code type}) on each poll and emits <b>one exchange per phone per poll</b>; with {@code onlyChanges=true}, one per
 * phone whose status changed since the previous poll (the first poll emits all). A status is remembered only once
 * its exchange was processed without exception, so a failed change is emitted again.
 */
public class CphPhonesConsumer extends StatusChangeConsumer<CphPhone> {

    public CphPhonesConsumer(CphEndpoint endpoint, Processor processor) {
        super(endpoint, processor, new Headers(CphConstants.PHONE_ID, CphConstants.PHONE_STATUS, CphConstants.PREVIOUS_STATUS),
                CphPhone::getPhoneId, CphPhone::getStatus);
    }

    @Override
    public CphEndpoint getEndpoint() {
        return (CphEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        getEndpoint().caller();
        super.doStart();
    }

    @Override
    protected List<CphPhone> current() throws Exception {
        return CphPaging.listAll(getEndpoint().caller(), null, getEndpoint().options(), 0).getPhones();
    }

    @Override
    protected boolean onlyChanges() {
        return getEndpoint().getConfiguration().isOnlyChanges();
    }
}
