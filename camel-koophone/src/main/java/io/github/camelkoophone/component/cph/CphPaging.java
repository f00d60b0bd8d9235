package io.github.camelkoophone.component.cph;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cloud.call.Input;
import io.github.camelkoophone.component.cloud.call.OperationCaller;
import io.github.camelkoophone.component.cloud.call.RequestAssembler;
import io.github.camelkoophone.component.cph.model.CphPhone;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;

/**
 * listCloudPhones over every page: follows {@code offset} (pages of {@code limit}, 200 unless set) until a short or
 * empty page, or until {@code count} phones were read, and returns one merged list.
 */
final class CphPaging {

    /** A runaway guard: more pages than this means the server keeps answering full pages. */
    static final int MAX_PAGES = 10_000;

    private CphPaging() {
    }

    /**
     * @param body   the message body: its fields win over the inputs, as for one call
     * @param offset where to start, or null for the body's offset, else the option's, else 0
     */
    static ListCloudPhonesResult listAll(OperationCaller caller, Object body, Input.Source inputs, Integer offset)
            throws Exception {
        ObjectNode query = RequestAssembler.toTree(body);
        int from = offset != null ? offset : query.hasNonNull("offset") ? query.get("offset").asInt() : number(inputs, "offset", 0);
        int limit = query.hasNonNull("limit") ? query.get("limit").asInt() : number(inputs, "limit", ListCloudPhonesRequest.MAX_LIMIT);
        List<CphPhone> phones = new ArrayList<>();
        ListCloudPhonesResult first = null;
        Integer total = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode q = query.deepCopy();
            q.put("offset", from);
            q.put("limit", limit);
            ListCloudPhonesResult result = (ListCloudPhonesResult) caller.prepare(CphOperation.listCloudPhones, q, inputs, null)
                    .call().result();
            if (first == null) {
                first = result;
            }
            if (result.getCount() != null) {
                total = result.getCount();
            }
            List<CphPhone> got = result.getPhones() == null ? List.of() : result.getPhones();
            phones.addAll(got);
            from += got.size();
            if (got.size() < limit || (total != null && from >= total)) {
                break;
            }
        }
        ListCloudPhonesResult merged = new ListCloudPhonesResult();
        merged.setRequestId(first.getRequestId());
        merged.setCount(total != null ? total : phones.size());
        merged.setPhones(phones);
        return merged;
    }

    private static int number(Input.Source inputs, String option, int otherwise) {
        Object value = inputs.option(option);
        return value instanceof Number number ? number.intValue() : otherwise;
    }
}
