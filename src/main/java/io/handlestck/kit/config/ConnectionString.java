package io.handlestck.kit.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An Azure Storage connection string reduced to what the kit needs: the File endpoint, the account
 * and its key. Parsed by hand because it is a flat {@code name=value;} list (values may contain
 * {@code =}, as base64 keys do) and no library in the kit's dependencies reads it.
 */
record ConnectionString(String fileEndpoint, String account, String key) {

    static ConnectionString parse(String text, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new KitConfigException("connectionString (" + origin + ") has a part without 'name=value': '"
                        + (part.length() > 40 ? part.substring(0, 40) + "..." : part) + "'");
            }
            fields.put(part.substring(0, equals).trim().toLowerCase(Locale.ROOT), part.substring(equals + 1).trim());
        }
        if (fields.containsKey("sharedaccesssignature")) {
            throw new KitConfigException("connectionString (" + origin + ") carries a SAS; handle operations are for"
                    + " the account owner only, so the kit needs AccountName and AccountKey");
        }
        String account = fields.get("accountname");
        String endpoint = fields.get("fileendpoint");
        if (endpoint == null && account != null && fields.containsKey("endpointsuffix")) {
            endpoint = fields.getOrDefault("defaultendpointsprotocol", "https") + "://" + account + ".file."
                    + fields.get("endpointsuffix");
        }
        if (endpoint == null) {
            throw new KitConfigException("connectionString (" + origin + ") has no FileEndpoint= (nor AccountName"
                    + " with EndpointSuffix), so the kit does not know where the File service is");
        }
        return new ConnectionString(endpoint, account, fields.get("accountkey"));
    }
}
