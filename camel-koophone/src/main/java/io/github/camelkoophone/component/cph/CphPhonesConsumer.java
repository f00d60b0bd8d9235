package io.github.camelkoophone.component.cph;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cph.model.CphPhone;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.koophone.KooPhoneEndpoint;
import io.github.camelkoophone.component.koophone.api.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * {@code cph:phones}: lists every phone (all pages, filtered by {@code phoneName}, {@code serverId}, {@code status},
 * {@code type}) on each poll and emits <b>one exchange per phone per poll</b>; with {@code onlyChanges=true}, one per
 * phone whose status changed since the previous poll (the first poll emits all). A status is remembered only once
 * its exchange was processed without exception, so a failed change is emitted again.
 */
public class CphPhonesConsumer extends ScheduledBatchPollingConsumer {

    private final Map<String, Integer> lastStatus = new ConcurrentHashMap<>();

    public CphPhonesConsumer(CphEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
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
    protected int poll() throws Exception {
        ObjectNode query = Json.MAPPER.createObjectNode();
        CphProducer.fillQuery(query, getEndpoint().getConfiguration());
        query.remove("offset");
        ListCloudPhonesResult result = CphPaging.listAll(getEndpoint().caller(), query);
        boolean onlyChanges = getEndpoint().getConfiguration().isOnlyChanges();
        Queue<Object> phones = new ArrayDeque<>();
        for (CphPhone phone : result.getPhones()) {
            if (phone.getPhoneId() == null) {
                continue;
            }
            if (!onlyChanges || !lastStatus.containsKey(phone.getPhoneId())
                || !Objects.equals(lastStatus.get(phone.getPhoneId()), phone.getStatus())) {
                phones.add(phone);
            }
        }
        return processBatch(phones);
    }

    @Override
    public int processBatch(Queue<Object> phones) throws Exception {
        int total = phones.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            CphPhone phone = (CphPhone) phones.poll();
            Exchange exchange = KooPhoneEndpoint.batchExchange(createExchange(false), index, total);
            exchange.getMessage().setBody(phone);
            exchange.getMessage().setHeader(CphConstants.PHONE_ID, phone.getPhoneId());
            exchange.getMessage().setHeader(CphConstants.PHONE_STATUS, phone.getStatus());
            if (lastStatus.containsKey(phone.getPhoneId())) {
                exchange.getMessage().setHeader(CphConstants.PREVIOUS_STATUS, lastStatus.get(phone.getPhoneId()));
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() == null) {
                if (phone.getStatus() != null) {
                    lastStatus.put(phone.getPhoneId(), phone.getStatus());
                }
            } else {
                getExceptionHandler().handleException("Failed to process a cph:phones event", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        }
        return total;
    }
}
