package io.github.camelkoophone.component.cph.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** The body of restartCloudPhones: the phones to restart ({@code phones[].phone_id}), optionally a new image. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestartCloudPhonesRequest implements RequestModel {

    @JsonProperty("image_id")
    private String imageId;
    @JsonProperty("phones")
    private List<Phone> phones;

    public static RestartCloudPhonesRequest of(List<String> phoneIds) {
        RestartCloudPhonesRequest request = new RestartCloudPhonesRequest();
        request.phones = new ArrayList<>(phoneIds.size());
        phoneIds.forEach(id -> request.phones.add(new Phone(id)));
        return request;
    }

    @Override
    public void validate(Validator validator) {
        validator.notEmpty("phones", phones);
        for (int i = 0; i < phones.size(); i++) {
            Phone phone = phones.get(i);
            validator.required("phones[" + i + "]", phone);
            validator.id("phones[" + i + "].phone_id", phone.getPhoneId());
        }
    }

    public String getImageId() {
        return imageId;
    }

    public void setImageId(String imageId) {
        this.imageId = imageId;
    }

    public List<Phone> getPhones() {
        return phones;
    }

    public void setPhones(List<Phone> phones) {
        this.phones = phones;
    }

    /** One phone to restart; {@code property} is the phone's optional JSON property string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Phone {

        @JsonProperty("phone_id")
        private String phoneId;
        @JsonProperty("property")
        private String property;

        public Phone() {
        }

        public Phone(String phoneId) {
            this.phoneId = phoneId;
        }

        public String getPhoneId() {
            return phoneId;
        }

        public void setPhoneId(String phoneId) {
            this.phoneId = phoneId;
        }

        public String getProperty() {
            return property;
        }

        public void setProperty(String property) {
            this.property = property;
        }
    }
}
