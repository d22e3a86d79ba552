// <azx-logic-builder>: conditions and formulas picked from lists, written as JSON Logic. Shared by
// the schema editor and the pack editor; importing this defines the element.
import './define.js';
export { AzxLogicBuilder, type LogicField } from './logic-builder.js';
export {
  CONDITION_OPS, FORMULA_OPS, emptyCondition, formulaLogic, groupLogic, readFormula, readGroup,
  type Condition, type ConditionGroup, type ConditionOp, type FieldKind, type Formula, type FormulaOp, type Operand,
} from './conditions.js';
