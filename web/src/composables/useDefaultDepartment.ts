import { watch, type Ref } from 'vue'
import { useDepartmentsStore } from '../stores/departments'

/**
 * Keeps a dialog's department choice filled with the top department. The choice is reset
 * each time the dialog opens, and filled again when the department list arrives later: a
 * dialog opened before the list had loaded would otherwise send no department at all.
 */
export function useDefaultDepartment(open: Ref<boolean>, choice: Ref<string>): void {
  const departments = useDepartmentsStore()
  const top = () => String(departments.tree[0]?.department.ID ?? '')
  watch(open, (isOpen) => {
    if (isOpen) choice.value = top()
  })
  watch(top, (id) => {
    if (open.value && !choice.value) choice.value = id
  })
  void departments.ensureLoaded()
}
