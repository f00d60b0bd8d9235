package io.github.camelkoophone.component.cph.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** The query of listCloudPhones: paging ({@code offset}, {@code limit} up to 200) and optional filters. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListCloudPhonesRequest implements RequestModel {

    /** The largest page the API serves. */
    public static final int MAX_LIMIT = 200;

    @JsonProperty("offset")
    private Integer offset;
    @JsonProperty("limit")
    private Integer limit;
    @JsonProperty("phone_name")
    private String phoneName;
    @JsonProperty("server_id")
    private String serverId;
    @JsonProperty("status")
    private Integer status;
    @JsonProperty("type")
    private Integer type;

    @Override
    public void validate(Validator validator) {
        if (offset != null) {
            validator.min("offset", offset, 0);
        }
        if (limit != null) {
            validator.range("limit", limit, 1, MAX_LIMIT);
        }
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getPhoneName() {
        return phoneName;
    }

    public void setPhoneName(String phoneName) {
        this.phoneName = phoneName;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public Integer getStatus() {
        return status;
    }

    public void setStatus(Integer status) {
        this.status = status;
    }

    public Integer getType() {
        return type;
    }

    public void setType(Integer type) {
        this.type = type;
    }
}
