#include "exchange/eido/niem_fields.h"

namespace shouwang::exchange::eido {

std::span<const NiemPath> person_paths() {
  static const std::vector<NiemPath> paths = {
      {"name", {"name", "*", "personFullName"}, "nc:PersonName/nc:PersonFullName"},
      {"gender", {"sex", "*"}, "nc:PersonSexText"},
      {"id_number", {"nationalIdentification", "*", "identificationID"},
       "nc:PersonNationalIdentification/nc:IdentificationID"},
      {"birth_date", {"birthDate", "*", "date", "*"}, "nc:PersonBirthDate/nc:Date"},
      {"address",
       {"homeContactInformation", "*", "contactMailingAddress", "*", "addressFullText", "*"},
       "nc:PersonHomeContactInformation/nc:ContactMailingAddress/nc:AddressFullText"},
      {"nationality", {"nationality", "*"}, "nc:PersonNationalityText"},
      {"description", {"description", "*"}, "nc:PersonDescriptionText"},
  };
  return paths;
}

std::span<const NiemPath> vehicle_paths() {
  static const std::vector<NiemPath> paths = {
      {"plate", {"conveyanceRegistrationPlateIdentification", "*", "identificationID"},
       "nc:ConveyanceRegistrationPlateIdentification/nc:IdentificationID"},
      {"plate_colour", {"conveyanceRegistrationPlateCategory", "*"},
       "nc:ConveyanceRegistrationPlateCategoryText"},
      {"vehicle_type", {"itemCategory", "*"}, "nc:ItemCategoryText"},
      {"colour", {"itemColorDescription", "*"}, "nc:ItemColorDescriptionText"},
      {"make", {"itemMakeName", "*"}, "nc:ItemMakeName"},
      {"model", {"itemModelName", "*"}, "nc:ItemModelName"},
      {"vin", {"identification", "*", "identificationID"},
       "nc:VehicleIdentification/nc:IdentificationID"},
      {"description", {"itemDescription", "*"}, "nc:ItemDescriptionText"},
  };
  return paths;
}

}  // namespace shouwang::exchange::eido
