package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What listCloudPhones returns: one page of phones (or all of them with allPages=true) and the total count.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListCloudPhonesResult {

    @JsonProperty("request_id")
    private String requestId;
    @JsonProperty("count")
    private Integer count;
    @JsonProperty("phones")
    private List<CphPhone> phones;

    public ListCloudPhonesResult() {
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public List<CphPhone> getPhones() {
        return phones;
    }

    public void setPhones(List<CphPhone> phones) {
        this.phones = phones;
    }

    @Override
    public String toString() {
        return "ListCloudPhonesResult{" + "request_id=" + requestId + ", count=" + count + ", phones=" + phones + "}";
    }
}
