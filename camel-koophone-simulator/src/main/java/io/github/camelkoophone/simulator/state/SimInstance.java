package io.github.camelkoophone.simulator.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One cloud phone in the simulator's inventory. The fields named in {@link #API_FIELDS} are what
 * ListInstances returns; the rest is simulator state (video settings, streaming, apps...) visible
 * through the admin API. Instances handed out by {@link Inventory} are copies: change them and
 * {@link Inventory#put(SimInstance) put} them back.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public final class SimInstance {

    /** Running status values (0 unknown, 1 stopped, 2 running, 3 going offline, 4 starting, 5 shut down). */
    public static final int STATUS_UNKNOWN = 0;
    public static final int STATUS_STOPPED = 1;
    public static final int STATUS_RUNNING = 2;
    public static final int STATUS_GOING_OFFLINE = 3;
    public static final int STATUS_STARTING = 4;
    public static final int STATUS_SHUT_DOWN = 5;

    /** The record fields of ListInstances, in the reference's order. */
    static final Set<String> API_FIELDS = Set.of("instance_id", "instance_name", "region", "instance_sku",
            "frozen_status", "running_status", "login_status", "assign_status", "assign_user", "billing_mode",
            "project_id", "project_name", "phone_id", "member_name", "account_name", "region_name",
            "region_name_en", "backup_status", "backup_time", "restore_status", "restore_time");

    private String instanceId;
    private String instanceName;
    private String region = "cn-north-7";
    private String instanceSku = "Professional | 4 Core | 8GB | 32GB Storage | 720P Max Output";
    private String skuId = "kp.professional.xlarge.32g.2";
    private int frozenStatus;
    private int runningStatus = STATUS_RUNNING;
    private int loginStatus;
    private int assignStatus;
    private String assignUser;
    private String billingMode = "1";
    private String projectId;
    private String projectName;
    private String phoneId;
    private String memberName = "sim";
    private String accountName = "sim@koophone.local";
    private String regionName = "CN North-Ulanqab";
    private String regionNameEn = "CN North-Ulanqab";
    private int backupStatus;
    private String backupTime;
    private int restoreStatus;
    private String restoreTime;

    private String createTime;
    private String poolSceneTag = "CLOUD_PHONE";
    private String os = "AOSP9";
    private boolean streaming;
    private boolean sessionActive;
    private JsonNode videoSettings;
    private List<String> installedApps = new ArrayList<>();
    private boolean failJobs;

    SimInstance() {
        // for Jackson
    }

    public SimInstance(String instanceId) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.instanceName = instanceId;
    }

    /** A deep copy. */
    public SimInstance copy() {
        // By hand rather than through Jackson: copies happen on every read, and at start-up.
        SimInstance c = new SimInstance();
        c.instanceId = instanceId;
        c.instanceName = instanceName;
        c.region = region;
        c.instanceSku = instanceSku;
        c.skuId = skuId;
        c.frozenStatus = frozenStatus;
        c.runningStatus = runningStatus;
        c.loginStatus = loginStatus;
        c.assignStatus = assignStatus;
        c.assignUser = assignUser;
        c.billingMode = billingMode;
        c.projectId = projectId;
        c.projectName = projectName;
        c.phoneId = phoneId;
        c.memberName = memberName;
        c.accountName = accountName;
        c.regionName = regionName;
        c.regionNameEn = regionNameEn;
        c.backupStatus = backupStatus;
        c.backupTime = backupTime;
        c.restoreStatus = restoreStatus;
        c.restoreTime = restoreTime;
        c.createTime = createTime;
        c.poolSceneTag = poolSceneTag;
        c.os = os;
        c.streaming = streaming;
        c.sessionActive = sessionActive;
        c.failJobs = failJobs;
        c.videoSettings = videoSettings == null ? null : videoSettings.deepCopy();
        c.installedApps = installedApps == null ? null : new ArrayList<>(installedApps);
        return c;
    }

    /** The ListInstances record. */
    public ObjectNode toApiRecord() {
        ObjectNode all = SimJson.MAPPER.valueToTree(this);
        ObjectNode record = SimJson.object();
        // Keep the reference's field order rather than the class's.
        for (String f : List.of("instance_id", "instance_name", "region", "instance_sku", "frozen_status",
                "running_status", "login_status", "assign_status", "assign_user", "billing_mode", "project_id",
                "project_name", "phone_id", "member_name", "account_name", "region_name", "region_name_en",
                "backup_status", "backup_time", "restore_status", "restore_time")) {
            record.set(f, all.get(f));
        }
        return record;
    }

    /** Every field, as the admin API shows it. */
    public ObjectNode toAdminJson() {
        return SimJson.MAPPER.valueToTree(this);
    }

    public String instanceId() {
        return instanceId;
    }

    public String instanceName() {
        return instanceName;
    }

    public SimInstance instanceName(String v) {
        instanceName = v;
        return this;
    }

    public String region() {
        return region;
    }

    public SimInstance region(String v) {
        region = v;
        return this;
    }

    public String instanceSku() {
        return instanceSku;
    }

    public SimInstance instanceSku(String v) {
        instanceSku = v;
        return this;
    }

    /** The instance SKU's cbcSkuId (simulator state). */
    public String skuId() {
        return skuId;
    }

    public SimInstance skuId(String v) {
        skuId = v;
        return this;
    }

    public int frozenStatus() {
        return frozenStatus;
    }

    public SimInstance frozenStatus(int v) {
        frozenStatus = v;
        return this;
    }

    public int runningStatus() {
        return runningStatus;
    }

    public SimInstance runningStatus(int v) {
        runningStatus = v;
        return this;
    }

    public int loginStatus() {
        return loginStatus;
    }

    public SimInstance loginStatus(int v) {
        loginStatus = v;
        return this;
    }

    public int assignStatus() {
        return assignStatus;
    }

    public String assignUser() {
        return assignUser;
    }

    /** Assigns to a user, or unassigns with null. */
    public SimInstance assignUser(String userId) {
        assignUser = userId;
        assignStatus = userId == null ? 0 : 1;
        return this;
    }

    public String billingMode() {
        return billingMode;
    }

    public SimInstance billingMode(String v) {
        billingMode = v;
        return this;
    }

    public String projectId() {
        return projectId;
    }

    public SimInstance projectId(String v) {
        projectId = v;
        return this;
    }

    public String projectName() {
        return projectName;
    }

    public SimInstance projectName(String v) {
        projectName = v;
        return this;
    }

    public String phoneId() {
        return phoneId;
    }

    public SimInstance phoneId(String v) {
        phoneId = v;
        return this;
    }

    public String memberName() {
        return memberName;
    }

    public SimInstance memberName(String v) {
        memberName = v;
        return this;
    }

    public String accountName() {
        return accountName;
    }

    public SimInstance accountName(String v) {
        accountName = v;
        return this;
    }

    public String regionName() {
        return regionName;
    }

    public SimInstance regionName(String v) {
        regionName = v;
        return this;
    }

    public String regionNameEn() {
        return regionNameEn;
    }

    public SimInstance regionNameEn(String v) {
        regionNameEn = v;
        return this;
    }

    public int backupStatus() {
        return backupStatus;
    }

    public SimInstance backupStatus(int v) {
        backupStatus = v;
        return this;
    }

    public String backupTime() {
        return backupTime;
    }

    public SimInstance backupTime(String v) {
        backupTime = v;
        return this;
    }

    public int restoreStatus() {
        return restoreStatus;
    }

    public SimInstance restoreStatus(int v) {
        restoreStatus = v;
        return this;
    }

    public String restoreTime() {
        return restoreTime;
    }

    public SimInstance restoreTime(String v) {
        restoreTime = v;
        return this;
    }

    /** Creation time, UTC {@code yyyy-MM-dd HH:mm:ss}; ListInstances' time filters apply to it. */
    public String createTime() {
        return createTime;
    }

    public SimInstance createTime(String v) {
        createTime = v;
        return this;
    }

    /** {@code CLOUD_PHONE} or {@code CLOUD_APP}. */
    public String poolSceneTag() {
        return poolSceneTag;
    }

    public SimInstance poolSceneTag(String v) {
        poolSceneTag = v;
        return this;
    }

    public String os() {
        return os;
    }

    public SimInstance os(String v) {
        os = v;
        return this;
    }

    /** True after GetDeviceToken until StopInstancesStreaming. */
    public boolean streaming() {
        return streaming;
    }

    public SimInstance streaming(boolean v) {
        streaming = v;
        return this;
    }

    /** True after GetDeviceToken until ReleaseInstancesSession. */
    public boolean sessionActive() {
        return sessionActive;
    }

    public SimInstance sessionActive(boolean v) {
        sessionActive = v;
        return this;
    }

    /** The last SetVideoConfig {@code instance_settings} applied, or null. */
    public JsonNode videoSettings() {
        return videoSettings;
    }

    public SimInstance videoSettings(JsonNode v) {
        videoSettings = v == null ? null : v.deepCopy();
        return this;
    }

    /** Package names installed by successful InstallApp jobs (cleared by a reset). */
    public List<String> installedApps() {
        return installedApps == null ? List.of() : List.copyOf(installedApps);
    }

    public SimInstance installedApps(List<String> apps) {
        installedApps = new ArrayList<>(apps);
        return this;
    }

    public SimInstance addInstalledApp(String app) {
        if (installedApps == null) {
            installedApps = new ArrayList<>();
        }
        if (!installedApps.contains(app)) {
            installedApps.add(app);
        }
        return this;
    }

    /** When true, every job on this instance fails, whatever the failure rate. */
    public boolean failJobs() {
        return failJobs;
    }

    public SimInstance failJobs(boolean v) {
        failJobs = v;
        return this;
    }

    @Override
    public String toString() {
        return "SimInstance[" + instanceId + ", " + instanceName + ", status=" + runningStatus
                + (assignUser != null ? ", user=" + assignUser : "") + "]";
    }
}
