package io.github.camelkoophone.component.koophone.model;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/**
 * Body of installApp. The reference types {@code fast_install} and {@code object_size} as strings although its
 * example sends numbers; both are read either way and always sent as strings. {@code fast_install} and
 * {@code install_package_url} are optional (table 4-132 of the 2025 reference); the other fields are required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InstallAppRequest implements RequestModel {

    public static final Set<String> FAST_INSTALL_VALUES = Validator.allowed("0", "1");
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_MD5_LENGTH = 200;
    public static final int MAX_URL_LENGTH = 2000;

    @JsonProperty("fast_install")
    private String fastInstall;
    /** The package name, e.g. {@code com.example.app}. */
    @JsonProperty("object_name")
    private String objectName;
    @JsonProperty("file_name")
    private String fileName;
    @JsonProperty("object_version")
    private String objectVersion;
    /** In MB. */
    @JsonProperty("object_size")
    private String objectSize;
    @JsonProperty("biz_type")
    private String bizType;
    @JsonProperty("content_type")
    private String contentType;
    @JsonProperty("content_md5")
    private String contentMd5;
    @JsonProperty("install_package_url")
    private String installPackageUrl;
    @JsonProperty("instance_id_list")
    private List<String> instanceIdList;

    public InstallAppRequest() {
    }

    @Override
    public void validate(Validator v) {
        if (fastInstall != null) {
            v.oneOf("fast_install", fastInstall, FAST_INSTALL_VALUES);
        }
        requiredText(v, "object_name", objectName, MAX_NAME_LENGTH);
        requiredText(v, "file_name", fileName, MAX_NAME_LENGTH);
        requiredText(v, "object_version", objectVersion, MAX_NAME_LENGTH);
        v.required("object_size", objectSize);
        v.required("biz_type", bizType);
        v.required("content_type", contentType);
        requiredText(v, "content_md5", contentMd5, MAX_MD5_LENGTH);
        v.maxLength("install_package_url", installPackageUrl, MAX_URL_LENGTH); // optional, as fast_install
        v.ids("instance_id_list", instanceIdList);
    }

    private static void requiredText(Validator v, String field, String value, int maxLength) {
        v.required(field, value);
        v.maxLength(field, value, maxLength);
    }

    public String getFastInstall() {
        return fastInstall;
    }

    public void setFastInstall(String fastInstall) {
        this.fastInstall = fastInstall;
    }

    public String getObjectName() {
        return objectName;
    }

    public void setObjectName(String objectName) {
        this.objectName = objectName;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getObjectVersion() {
        return objectVersion;
    }

    public void setObjectVersion(String objectVersion) {
        this.objectVersion = objectVersion;
    }

    public String getObjectSize() {
        return objectSize;
    }

    public void setObjectSize(String objectSize) {
        this.objectSize = objectSize;
    }

    public String getBizType() {
        return bizType;
    }

    public void setBizType(String bizType) {
        this.bizType = bizType;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getContentMd5() {
        return contentMd5;
    }

    public void setContentMd5(String contentMd5) {
        this.contentMd5 = contentMd5;
    }

    public String getInstallPackageUrl() {
        return installPackageUrl;
    }

    public void setInstallPackageUrl(String installPackageUrl) {
        this.installPackageUrl = installPackageUrl;
    }

    public List<String> getInstanceIdList() {
        return instanceIdList;
    }

    public void setInstanceIdList(List<String> instanceIdList) {
        this.instanceIdList = instanceIdList;
    }
}
