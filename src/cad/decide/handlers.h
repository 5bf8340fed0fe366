#pragma once
// One handler per command: checks the command against the decision's state and emits its
// events, or returns the refusal (then nothing it emitted is used).

#include <string>
#include <string_view>

#include <shouwang/base/result.h>
#include <shouwang/cad/commands.h>

#include "cad/decide/decision.h"

namespace shouwang::cad {

// call_handlers.cpp
Status handle(Decision& d, const ReceiveCall& c);
Status handle(Decision& d, const DismissCall& c);
Status handle(Decision& d, const CreateIncident& c);
Status handle(Decision& d, const MergeCall& c);

// lifecycle_handlers.cpp
Status handle(Decision& d, const AcceptIncident& c);
Status handle(Decision& d, const MergeIncident& c);
Status handle(Decision& d, const LinkIncidents& c);
Status handle(Decision& d, const TransferIncident& c);
Status handle(Decision& d, const CancelIncident& c);
Status handle(Decision& d, const CloseScene& c);
Status handle(Decision& d, const TerminateIncident& c);
Status handle(Decision& d, const ArchiveIncident& c);

// classification_handlers.cpp
Status handle(Decision& d, const SetType& c);
Status handle(Decision& d, const SetPriority& c);
Status handle(Decision& d, const AssignStation& c);
Status handle(Decision& d, const SetDisposition& c);

// detail_handlers.cpp
Status handle(Decision& d, const AddLocationCandidate& c);
Status handle(Decision& d, const ConfirmLocation& c);
Status handle(Decision& d, const AddCaution& c);
Status handle(Decision& d, const AddNote& c);
Status handle(Decision& d, const AddPerson& c);
Status handle(Decision& d, const AddVehicle& c);
Status handle(Decision& d, const VerifyField& c);

// order_handlers.cpp
Status handle(Decision& d, const IssueOrder& c);
Status handle(Decision& d, const SplitOrder& c);

// order_step_handlers.cpp
Status handle(Decision& d, const AcknowledgeOrder& c);
Status handle(Decision& d, const SignFor& c);
Status handle(Decision& d, const EnRoute& c);
Status handle(Decision& d, const Arrive& c);
Status handle(Decision& d, const GiveFeedback& c);
Status handle(Decision& d, const CompleteOrder& c);
Status handle(Decision& d, const CancelOrder& c);
Status handle(Decision& d, const ReturnOrder& c);

// roster_handlers.cpp
Status handle(Decision& d, const RegisterUnit& c);
Status handle(Decision& d, const UpdateUnit& c);
Status handle(Decision& d, const RetireUnit& c);

// duty_handlers.cpp
Status handle(Decision& d, const StartShift& c);
Status handle(Decision& d, const EndShift& c);
Status handle(Decision& d, const SetUnitStatus& c);
Status handle(Decision& d, const RaiseEmergency& c);
Status handle(Decision& d, const ClearEmergency& c);

// deadline_handlers.cpp
Status handle(Decision& d, const RecordMissedDeadline& c);

// warning_handlers.cpp
Status handle(Decision& d, const RaiseWarning& c);
Status handle(Decision& d, const AcknowledgeWarning& c);

// site_handlers.cpp
Status handle(Decision& d, const RegisterSite& c);
Status handle(Decision& d, const UpdateSite& c);
Status handle(Decision& d, const RetireSite& c);
Status handle(Decision& d, const RegisterPost& c);
Status handle(Decision& d, const UpdatePost& c);
Status handle(Decision& d, const RetirePost& c);
Status handle(Decision& d, const OpenCoverageGap& c);
Status handle(Decision& d, const CloseCoverageGap& c);

// The entity name of a unit's events: "unit/A-01".
std::string unit_entity(std::string_view unit);

}  // namespace shouwang::cad
