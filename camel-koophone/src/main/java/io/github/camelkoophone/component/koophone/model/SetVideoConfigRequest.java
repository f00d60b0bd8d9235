package io.github.camelkoophone.component.koophone.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelkoophone.component.cloud.model.InvalidInputException;
import io.github.camelkoophone.component.cloud.model.RequestModel;
import io.github.camelkoophone.component.cloud.model.Validator;

/** Body of setVideoConfig: per network and encoding, the code rate and frame rate of each definition. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SetVideoConfigRequest implements RequestModel {

    public static final Set<String> NETWORK_TYPES = Validator.allowed("MOBILE_NETWORK", "WIFI", "WIRED");
    public static final Set<String> ENCODING_TYPES = Validator.allowed("H264", "H265");
    public static final Set<Integer> FPS_VALUES = Validator.allowed(30, 60);
    public static final int MAX_CODE_RATE = 10000;
    public static final int CODE_RATE_STEP = 100;
    /** One setting per (network_type, encoding_type) pair. */
    public static final int MAX_SETTINGS = NETWORK_TYPES.size() * ENCODING_TYPES.size();

    @JsonProperty("instance_ids")
    private List<String> instanceIds;
    @JsonProperty("instance_settings")
    private List<InstanceSetting> instanceSettings;

    public SetVideoConfigRequest() {
    }

    @Override
    public void validate(Validator v) {
        v.ids("instance_ids", instanceIds);
        v.notEmpty("instance_settings", instanceSettings);
        v.maxSize("instance_settings", instanceSettings, MAX_SETTINGS);
        Map<String, Integer> firstIndexOfPair = new HashMap<>();
        for (int i = 0; i < instanceSettings.size(); i++) {
            String path = "instance_settings[" + i + "]";
            InstanceSetting setting = instanceSettings.get(i);
            v.required(path, setting);
            setting.validate(v, path);
            String pair = setting.getNetworkType() + "/" + setting.getEncodingType();
            Integer first = firstIndexOfPair.putIfAbsent(pair, i);
            if (first != null) {
                throw new InvalidInputException(path, "repeats network_type/encoding_type " + pair
                        + " of instance_settings[" + first + "]: at most one setting per pair");
            }
        }
    }

    public List<String> getInstanceIds() {
        return instanceIds;
    }

    public void setInstanceIds(List<String> instanceIds) {
        this.instanceIds = instanceIds;
    }

    public List<InstanceSetting> getInstanceSettings() {
        return instanceSettings;
    }

    public void setInstanceSettings(List<InstanceSetting> instanceSettings) {
        this.instanceSettings = instanceSettings;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class InstanceSetting {

        @JsonProperty("network_type")
        private String networkType;
        @JsonProperty("encoding_type")
        private String encodingType;
        @JsonProperty("video_spec_groups")
        private List<VideoSpecGroup> videoSpecGroups;

        public InstanceSetting() {
        }

        void validate(Validator v, String path) {
            v.oneOf(path + ".network_type", networkType, NETWORK_TYPES);
            v.oneOf(path + ".encoding_type", encodingType, ENCODING_TYPES);
            v.notEmpty(path + ".video_spec_groups", videoSpecGroups);
            for (int i = 0; i < videoSpecGroups.size(); i++) {
                String groupPath = path + ".video_spec_groups[" + i + "]";
                VideoSpecGroup group = videoSpecGroups.get(i);
                v.required(groupPath, group);
                group.validate(v, groupPath);
            }
        }

        public String getNetworkType() {
            return networkType;
        }

        public void setNetworkType(String networkType) {
            this.networkType = networkType;
        }

        public String getEncodingType() {
            return encodingType;
        }

        public void setEncodingType(String encodingType) {
            this.encodingType = encodingType;
        }

        public List<VideoSpecGroup> getVideoSpecGroups() {
            return videoSpecGroups;
        }

        public void setVideoSpecGroups(List<VideoSpecGroup> videoSpecGroups) {
            this.videoSpecGroups = videoSpecGroups;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class VideoSpecGroup {

        @JsonProperty("definition_540P")
        private VideoSpec definition540P;
        @JsonProperty("definition_720P")
        private VideoSpec definition720P;
        @JsonProperty("definition_1080P")
        private VideoSpec definition1080P;

        public VideoSpecGroup() {
        }

        void validate(Validator v, String path) {
            validate(v, path + ".definition_540P", definition540P);
            validate(v, path + ".definition_720P", definition720P);
            validate(v, path + ".definition_1080P", definition1080P);
        }

        private static void validate(Validator v, String path, VideoSpec spec) {
            v.required(path, spec);
            spec.validate(v, path);
        }

        public VideoSpec getDefinition540P() {
            return definition540P;
        }

        public void setDefinition540P(VideoSpec definition540P) {
            this.definition540P = definition540P;
        }

        public VideoSpec getDefinition720P() {
            return definition720P;
        }

        public void setDefinition720P(VideoSpec definition720P) {
            this.definition720P = definition720P;
        }

        public VideoSpec getDefinition1080P() {
            return definition1080P;
        }

        public void setDefinition1080P(VideoSpec definition1080P) {
            this.definition1080P = definition1080P;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class VideoSpec {

        /** kbit/s. */
        @JsonProperty("code_rate")
        private Integer codeRate;
        @JsonProperty("fps")
        private Integer fps;

        public VideoSpec() {
        }

        void validate(Validator v, String path) {
            v.range(path + ".code_rate", codeRate, 0, MAX_CODE_RATE);
            v.multipleOf(path + ".code_rate", codeRate, CODE_RATE_STEP);
            v.oneOf(path + ".fps", fps, FPS_VALUES);
        }

        public Integer getCodeRate() {
            return codeRate;
        }

        public void setCodeRate(Integer codeRate) {
            this.codeRate = codeRate;
        }

        public Integer getFps() {
            return fps;
        }

        public void setFps(Integer fps) {
            this.fps = fps;
        }
    }
}
