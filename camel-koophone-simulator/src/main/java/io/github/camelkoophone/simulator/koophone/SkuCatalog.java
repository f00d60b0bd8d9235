package io.github.camelkoophone.simulator.koophone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkoophone.simulator.json.SimJson;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The instance SKUs on sale: what BatchShowSku lists and CreateInstance accepts. */
public final class SkuCatalog {

    static final String BAND_SKU_ID = "kp.bandwidth";

    record Sku(String type, String cbcSkuId, String name, String calcSpec, String storageSpec, String specDescEn,
               List<Integer> bandSizes, String resPoolId, String poolId) {

        String bandSizeText() {
            return String.join(",", bandSizes.stream().map(String::valueOf).toList());
        }
    }

    record Region(String regionId, List<Sku> skus) {
    }

    private final List<Region> regions;

    public SkuCatalog(String homeRegion) {
        Sku professional = new Sku("PROFESSIONAL", "kp.professional.xlarge.32g.2", "sku_professional_32g", "4vCPUs | 8GB",
                "32GB", "Professional | 4 Core | 8GB | 32GB Storage | 720P Max Output", List.of(4, 6),
                "1600087199176311111", "40");
        Sku professionalLarge = new Sku("PROFESSIONAL", "kp.professional.2xlarge.128g.2", "sku_professional_128g",
                "8vCPUs | 16GB", "128GB", "Professional | 8 Core | 16GB | 128GB Storage | 1080P Max Output",
                List.of(4, 8), "1600087199176322222", "43");
        Sku enterprise = new Sku("ENTERPRISE", "kp.enterprise.xlarge.32g.2", "sku_enterprise_32g", "4vCPUs | 8GB",
                "32GB", "Enterprise | 4 Core | 8GB | 32GB Storage | 720P Max Output", List.of(4),
                "1600087199176333333", "58");
        String otherRegion = "cn-southwest-252".equals(homeRegion) ? "cn-north-7" : "cn-southwest-252";
        this.regions = List.of(new Region(homeRegion, List.of(professional, professionalLarge, enterprise)),
                new Region(otherRegion, List.of(professional)));
    }

    Optional<Sku> find(String regionId, String skuId) {
        return regions.stream().filter(r -> r.regionId().equals(regionId)).flatMap(r -> r.skus().stream())
                .filter(s -> s.cbcSkuId().equals(skuId)).findFirst();
    }

    boolean hasRegion(String regionId) {
        return regions.stream().anyMatch(r -> r.regionId().equals(regionId));
    }

    /** The BatchShowSku {@code data}, optionally limited to one SKU type. */
    ObjectNode toJson(String type) {
        ObjectNode data = SimJson.object();
        ObjectNode band = data.putObject("bandInfo");
        band.put("id", "62");
        band.put("cbcSkuId", BAND_SKU_ID);
        ArrayNode list = data.putArray("skuSpecResponseList");
        for (Region region : regions) {
            ObjectNode r = list.addObject();
            ArrayNode skus = r.putArray("skuResponses");
            for (Sku sku : region.skus()) {
                if (type != null && !type.equals(sku.type())) {
                    continue;
                }
                ObjectNode s = skus.addObject();
                s.put("type", sku.type());
                s.put("cbcSkuId", sku.cbcSkuId());
                s.put("name", sku.name());
                s.put("calcSpec", sku.calcSpec());
                s.put("storageSpec", sku.storageSpec());
                s.put("specDesc", sku.specDescEn());
                s.put("specDescEn", sku.specDescEn());
                s.put("bandSize", sku.bandSizeText());
                ArrayNode aosp = s.putObject("poolinfo").putArray("aosp");
                for (String version : Arrays.asList("AOSP9", "AOSP11")) {
                    ObjectNode pool = aosp.addObject();
                    pool.put("version", version);
                    pool.put("resPoolId", sku.resPoolId());
                    pool.put("id", sku.poolId());
                    pool.put("network", "ADN");
                    pool.put("enable", true);
                }
                ArrayNode nest = s.putArray("nestinfo");
                for (int bandSize : sku.bandSizes()) {
                    ObjectNode n = nest.addObject();
                    n.put("bandSize", bandSize);
                    n.put("sceneType", "CLOUD_PHONE");
                    n.put("network", "EIP");
                    n.put("storageDesc", "1.2T");
                    n.put("sceneDesc", "Lightweight Office");
                    n.put("sceneDescEn", "Lightweight Office");
                    n.put("tagsEn", "Personal Use,Business");
                }
                s.put("chargeMode", 2);
                s.put("maxResolution", sku.specDescEn().contains("1080P") ? "1080p" : "720p");
            }
            r.put("regionId", region.regionId());
        }
        return data;
    }
}
