-- The basemap's tag rules for tilemaker (run by `shouwang import-osm`): what of the city's
-- OSM file goes into which layer of the console's vector tiles, from which zoom, with which
-- attributes. Every named feature carries name (as mapped), name_zh and name_en, so that
-- the console labels in the language its user chose. Layers and fields: config.json.

node_keys = { "place", "amenity", "shop", "tourism", "leisure", "railway", "public_transport", "office", "healthcare" }

local road_classes = {
  motorway = { "motorway", 8 }, motorway_link = { "motorway", 10 },
  trunk = { "trunk", 8 }, trunk_link = { "trunk", 10 },
  primary = { "primary", 9 }, primary_link = { "primary", 11 },
  secondary = { "secondary", 10 }, secondary_link = { "secondary", 12 },
  tertiary = { "tertiary", 11 }, tertiary_link = { "tertiary", 12 },
  residential = { "minor", 12 }, unclassified = { "minor", 12 }, living_street = { "minor", 12 },
  road = { "minor", 12 }, busway = { "minor", 12 },
  service = { "service", 13 },
  pedestrian = { "path", 13 }, footway = { "path", 14 }, cycleway = { "path", 14 },
  path = { "path", 14 }, steps = { "path", 14 }, track = { "path", 14 },
}

local place_zoom = { city = 8, town = 9, district = 10, suburb = 11, quarter = 12, village = 12,
                     neighbourhood = 13, hamlet = 13, locality = 14, isolated_dwelling = 14 }

local landuse_classes = {
  residential = "residential", commercial = "commercial", retail = "commercial",
  industrial = "industrial", railway = "industrial", construction = "industrial",
  grass = "grass", meadow = "grass", village_green = "grass", recreation_ground = "park",
  forest = "wood", farmland = "farmland", orchard = "farmland", cemetery = "cemetery",
  military = "military", education = "school",
}

local function names(obj)
  local name = obj:Find("name")
  if name == "" then return false end
  local zh = obj:Find("name:zh")
  if zh == "" then zh = obj:Find("name:zh-Hans") end
  if zh == "" then zh = name end
  local en = obj:Find("name:en")
  if en == "" then en = name end
  obj:Attribute("name", name)
  obj:Attribute("name_zh", zh)
  obj:Attribute("name_en", en)
  return true
end

local function poi_class(obj)
  for _, key in ipairs({ "amenity", "shop", "tourism", "leisure", "office", "healthcare", "public_transport", "railway" }) do
    local value = obj:Find(key)
    if value ~= "" then return key, value end
  end
  return nil, nil
end

function node_function(node)
  local place = node:Find("place")
  if place ~= "" and place_zoom[place] and node:Holds("name") then
    node:Layer("place", false)
    node:Attribute("class", place)
    node:MinZoom(place_zoom[place])
    names(node)
    return
  end
  local key, value = poi_class(node)
  if key and node:Holds("name") then
    node:Layer("poi", false)
    node:Attribute("class", key)
    node:Attribute("subclass", value)
    names(node)
  end
end

function relation_scan_function(relation)
  if relation:Find("type") == "boundary" and relation:Find("boundary") == "administrative" then
    relation:Accept()
  end
end

function way_function(way)
  local highway = way:Find("highway")
  local waterway = way:Find("waterway")
  local natural = way:Find("natural")
  local landuse = way:Find("landuse")
  local leisure = way:Find("leisure")
  local building = way:Find("building")
  local railway = way:Find("railway")
  local closed = way:IsClosed()

  -- Administrative boundaries, from the relations a way belongs to or the way itself.
  local admin_level = nil
  while true do
    local relation = way:NextRelation()
    if not relation then break end
    local level = tonumber(way:FindInRelation("admin_level"))
    if level and (admin_level == nil or level < admin_level) then admin_level = level end
  end
  if way:Find("boundary") == "administrative" then
    local level = tonumber(way:Find("admin_level"))
    if level and (admin_level == nil or level < admin_level) then admin_level = level end
  end
  if admin_level and admin_level >= 4 then
    way:Layer("boundary", false)
    way:AttributeNumeric("admin_level", admin_level)
    way:MinZoom(admin_level <= 6 and 8 or 11)
  end

  if road_classes[highway] then
    local class = road_classes[highway]
    way:Layer("transportation", false)
    way:Attribute("class", class[1])
    way:MinZoom(class[2])
    if way:Find("oneway") == "yes" or way:Find("oneway") == "1" then way:AttributeNumeric("oneway", 1) end
    if way:Find("bridge") ~= "" and way:Find("bridge") ~= "no" then way:AttributeNumeric("bridge", 1) end
    if way:Find("tunnel") ~= "" and way:Find("tunnel") ~= "no" then way:AttributeNumeric("tunnel", 1) end
    local ref = way:Find("ref")
    if ref ~= "" then way:Attribute("ref", ref) end
    names(way)
    return
  end

  if railway == "rail" or railway == "subway" or railway == "light_rail" or railway == "tram" then
    way:Layer("railway", false)
    way:Attribute("class", railway)
    return
  end

  if waterway == "river" or waterway == "canal" or waterway == "stream" or waterway == "ditch" then
    way:Layer("waterway", false)
    way:Attribute("class", waterway)
    names(way)
    return
  end

  if closed and (natural == "water" or waterway == "riverbank" or landuse == "reservoir" or landuse == "basin") then
    way:Layer("water", true)
    way:Attribute("class", natural == "water" and (way:Find("water") ~= "" and way:Find("water") or "lake") or "river")
    names(way)
    return
  end

  if closed and building ~= "" and building ~= "no" then
    way:Layer("building", true)
    return
  end

  if closed then
    local class = landuse_classes[landuse]
    if leisure == "park" or leisure == "garden" or leisure == "playground" then class = "park" end
    if natural == "wood" then class = "wood" end
    if way:Find("amenity") == "school" or way:Find("amenity") == "university" then class = "school" end
    if way:Find("amenity") == "hospital" then class = "hospital" end
    if class then
      way:Layer("landuse", true)
      way:Attribute("class", class)
    end
  end

  -- Named areas that are also places people call about (a market, a station square).
  local key, value = poi_class(way)
  if closed and key and way:Holds("name") then
    way:LayerAsCentroid("poi")
    way:Attribute("class", key)
    way:Attribute("subclass", value)
    names(way)
  end
end
