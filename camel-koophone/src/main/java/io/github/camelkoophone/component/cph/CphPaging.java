package io.github.camelkoophone.component.cph;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.component.cph.model.CphPhone;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesRequest;
import io.github.camelkoophone.component.cph.model.ListCloudPhonesResult;
import io.github.camelkoophone.component.koophone.OperationCaller;

/**
 * listCloudPhones over every page: follows {@code offset} (pages of {@code limit}, 200 unless set) until a short or
 * empty page, or until {@code count} phones were read, and returns one merged list.
 */
final class CphPaging {

    /** A runaway guard: more pages than this means the server keeps answering full pages. */
    static final int MAX_PAGES = 10_000;

    private CphPaging() {
    }

    static ListCloudPhonesResult listAll(OperationCaller caller, ObjectNode query) throws Exception {
        int offset = query.path("offset").asInt(0);
        int limit = query.hasNonNull("limit") ? query.get("limit").asInt() : ListCloudPhonesRequest.MAX_LIMIT;
        List<CphPhone> phones = new ArrayList<>();
        ListCloudPhonesResult first = null;
        Integer total = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode q = query.deepCopy();
            q.put("offset", offset);
            q.put("limit", limit);
            ListCloudPhonesResult result = (ListCloudPhonesResult) CphProducer.call(caller, CphOperation.listCloudPhones, q, null);
            if (first == null) {
                first = result;
            }
            if (result.getCount() != null) {
                total = result.getCount();
            }
            List<CphPhone> got = result.getPhones() == null ? List.of() : result.getPhones();
            phones.addAll(got);
            offset += got.size();
            if (got.size() < limit || (total != null && offset >= total)) {
                break;
            }
        }
        ListCloudPhonesResult merged = new ListCloudPhonesResult();
        merged.setRequestId(first.getRequestId());
        merged.setCount(total != null ? total : phones.size());
        merged.setPhones(phones);
        return merged;
    }
}
